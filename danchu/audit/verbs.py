"""Audit verbs as stable codes, rendered in the reader's language (as zulip's RealmAuditLog keeps
an event type and renders it at display).

An event stores `verb_code` (a key of VERBS) and `verb_params` (the values of its placeholders:
numbers, names, references — never translated), and still `verb`, its Vietnamese text, for
searching and for readers of the raw table. The history shows `AuditEvent.verb_text`: the template
of the code in the active language with the params filled in; an event without a known code
(free text, or a verb renamed since) shows its stored text.

`record(verb=...)` takes a code, or a text in any of the site's languages (what the actions
passed before codes existed, translated or not): `normalise` finds its code and params by
matching the text against every template in every language, so an English user's action is
stored with the same code and a Vietnamese `verb`. Add a verb here when an action records a new
one; keep its code when its wording changes (old rows then render in the new wording).
"""

import re
from functools import cache

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

VERBS = {
    # api
    "api.token_create": _("Tạo mã truy cập API"),
    "api.token_revoke": _("Thu hồi mã truy cập API"),
    # audit (the admin site)
    "audit.admin": _("quản trị hệ thống"),
    # consolidation
    "consolidation.request": _("gửi yêu cầu báo cáo tới %(n)s cơ quan"),
    "consolidation.remind": _("nhắc %(n)s cơ quan chưa gửi báo cáo"),
    "consolidation.submit": _("gửi báo cáo phiên bản %(version)s"),
    "consolidation.submit_late": _("gửi báo cáo phiên bản %(version)s (muộn)"),
    "consolidation.accept": _("tiếp nhận báo cáo"),
    "consolidation.return": _("trả lại báo cáo"),
    "consolidation.scheme": _("lập bộ tiêu chí chấm điểm"),
    "consolidation.self_submit": _("gửi kết quả tự chấm điểm"),
    "consolidation.self_save": _("lưu điểm tự chấm"),
    "consolidation.assess": _("thẩm định điểm"),
    "consolidation.export": _("xuất báo cáo tổng hợp (%(fmt)s)"),
    "consolidation.ranking_export": _("xuất bảng xếp hạng"),
    # core
    "core.lockout": _("Tạm khóa đăng nhập sau %(n)s lần nhập sai mật khẩu"),
    "core.unlock": _("Mở khóa đăng nhập"),
    # documents
    "documents.register": _("Vào sổ văn bản"),
    "documents.attach": _("Đính kèm tệp %(name)s"),
    "documents.detach": _("Gỡ tệp đính kèm %(name)s"),
    "documents.relate": _("Thêm quan hệ: %(label)s"),
    "documents.unrelate": _("Bỏ quan hệ: %(label)s"),
    "documents.load_canonical": _("Nạp văn bản pháp luật gốc (LEGAL.md)"),
    # ingest
    "ingest.read": _("đọc báo cáo tải lên"),
    "ingest.submit": _("gửi số liệu đọc từ báo cáo tải lên"),
    # legal
    "legal.year_confirm": _("Xác nhận lịch nghỉ lễ, Tết của năm"),
    "legal.override_add": _("Điều chỉnh lịch làm việc"),
    "legal.override_delete": _("Xóa điều chỉnh lịch làm việc"),
    "legal.rule_add": _("Thêm thời hạn xử lý đơn"),
    "legal.rule_change": _("Sửa thời hạn xử lý đơn"),
    "legal.rule_delete": _("Xóa thời hạn xử lý đơn"),
    "legal.year_withdraw": _("Hủy xác nhận lịch nghỉ lễ, Tết của năm"),
    # orgs
    "orgs.create": _("tạo cơ quan, đơn vị"),
    "orgs.settings": _("sửa thiết lập cơ quan"),
    "orgs.member_add": _("thêm cán bộ vào danh sách"),
    "orgs.member_change": _("sửa thông tin cán bộ"),
    "orgs.account_create": _("tạo tài khoản"),
    "orgs.role_grant": _("giao vai trò"),
    "orgs.role_remove": _("bỏ vai trò"),
    "orgs.period_add": _("thêm kỳ báo cáo"),
    # oversight
    "oversight.recommendation_done": _("Hoàn thành kiến nghị"),
    # participation
    "participation.disclosure_create": _("Tạo nội dung công khai"),
    "participation.disclosure_publish": _("Công khai đến %(n)s người"),
    "participation.disclosure_read": _("%(person)s xác nhận đã đọc"),
    "participation.disclosure_remind": _("Nhắc %(n)s người chưa đọc (%(e)s thư điện tử)"),
    "participation.consultation_create": _("Tạo đợt lấy ý kiến"),
    "participation.consultation_comment": _("Góp ý dự thảo"),
    "participation.vote_create": _("Tạo biểu quyết"),
    "participation.vote_secret": _("Đã bỏ phiếu kín"),
    "participation.vote_named": _("Biểu quyết công khai: %(option)s"),
    "participation.codes_print": _("In %(n)s mã bỏ phiếu dùng một lần"),
    "participation.codes_void": _("Hủy %(n)s mã bỏ phiếu chưa sử dụng"),
    "participation.vote_code": _("Phiếu kín bằng mã dùng một lần"),
    "participation.conference_create": _("Lập kế hoạch hội nghị"),
    "participation.conference_delegates": _("Chọn %(n)s đại biểu (thêm %(added)s, bớt %(removed)s)"),
    "participation.check_in": _("Điểm danh có mặt: %(p)s"),
    "participation.check_out": _("Bỏ điểm danh: %(p)s"),
    "participation.conference_document": _("Thêm tài liệu hội nghị"),
    "participation.conference_resolution": _("Biểu quyết tại hội nghị"),
    "participation.board_elect": _("Bầu Ban Thanh tra nhân dân"),
    "participation.conference_close": _("Bế mạc"),
    "participation.recommendation_send": _("Gửi kiến nghị"),
    "participation.recommendation_answer": _("Trả lời kiến nghị"),
    # petitions
    "petitions.receive": _("Tiếp nhận đơn"),
    "petitions.classify": _("Phân loại, xử lý đơn"),
    "petitions.assign": _("Giao người xử lý"),
    "petitions.accept": _("Thụ lý"),
    "petitions.complexity": _("Xác định tính chất vụ việc"),
    "petitions.extend": _("Gia hạn giải quyết"),
    "petitions.suspend": _("Tạm đình chỉ giải quyết"),
    "petitions.resume": _("Tiếp tục giải quyết"),
    "petitions.verification": _("Ghi nhận bước xác minh"),
    "petitions.answer": _("Trả lời, giải quyết"),
    "petitions.send_decision": _("Gửi quyết định giải quyết"),
    "petitions.close": _("Kết thúc hồ sơ"),
    "petitions.merge": _("Gộp đơn trùng"),
    "petitions.request_document": _("Đề nghị văn thư vào sổ văn bản trả lời"),
    "petitions.reveal_identity": _("Xem thông tin người gửi"),
    "petitions.reveal_scan": _("Mở bản chụp giấy tờ của người gửi"),
    "petitions.reception_session": _("Ghi nhận buổi tiếp công dân"),
    "petitions.reception_schedule": _("Công khai lịch tiếp công dân"),
    # reporting
    "reporting.create": _("lập báo cáo"),
    "reporting.update": _("sửa thông tin báo cáo"),
    "reporting.section": _("sửa nội dung mục"),
    "reporting.manual_value": _("nhập tay số liệu"),
    "reporting.manual_clear": _("bỏ số liệu nhập tay"),
    "reporting.review": _("rà soát báo cáo"),
    "reporting.to_draft": _("trả về dự thảo"),
    "reporting.sign": _("ký báo cáo số %(reference)s"),
    "reporting.unsign": _("hủy chữ ký báo cáo số %(reference)s"),
    "reporting.submit": _("gửi báo cáo"),
    "reporting.pdf_added": _("bổ sung bản PDF từ tệp DOCX đã chốt"),
    "reporting.correction": _("lập bản đính chính phiên bản %(version)s"),
    "reporting.render": _("tạo tệp báo cáo (%(formats)s)"),
    "reporting.template_upload": _("tải lên mẫu báo cáo"),
}

_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _pattern(template):
    """A regular expression matching `template` filled in, capturing each placeholder."""
    parts, last = [], 0
    for m in _PLACEHOLDER.finditer(template):
        parts.append(re.escape(template[last : m.start()].replace("%%", "%")))
        parts.append(f"(?P<{m.group(1)}>.+?)")
        last = m.end()
    parts.append(re.escape(template[last:].replace("%%", "%")))
    return re.compile("^" + "".join(parts) + "$", re.DOTALL)


@cache
def _patterns():
    """(pattern, code) for every verb in every language, the most specific (longest literal
    text) first, so that "… (muộn)" is matched before the verb it extends."""
    rows = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for code, template in VERBS.items():
                text = str(template)
                rows.append((len(_PLACEHOLDER.sub("", text)), _pattern(text), code))
    rows.sort(key=lambda r: -r[0])
    return [(pattern, code) for _n, pattern, code in rows]


def _plain(value):
    return value if isinstance(value, (int, float)) else str(value)


def normalise(verb, params=None):
    """(code, params, Vietnamese text) for what an action passed as `verb`: a code of VERBS (with
    `params`), or a text in one of the site's languages; ("", {}, text) for free text."""
    verb = verb or ""
    if verb in VERBS:
        params = {k: _plain(v) for k, v in (params or {}).items()}
        return verb, params, render(verb, params, "vi") or str(verb)
    text = str(verb)
    for pattern, code in _patterns():
        m = pattern.match(text)
        if m:
            found = m.groupdict()
            return code, found, render(code, found, "vi") or text
    return "", {}, text


def render(code, params, language=None):
    """The verb `code` with `params` in `language` (default: the active one); "" when the code is
    unknown or its params no longer fit its template."""
    template = VERBS.get(code)
    if template is None:
        return ""
    try:
        if language:
            with translation.override(language):
                return str(template) % (params or {}) if _PLACEHOLDER.search(str(template)) else str(template)
        return str(template) % (params or {}) if _PLACEHOLDER.search(str(template)) else str(template)
    except (KeyError, TypeError, ValueError):
        return ""
