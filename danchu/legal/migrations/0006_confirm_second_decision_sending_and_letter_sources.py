"""Issue 13, checked against the pháp điển (the official code of law; its text is mirrored in the
public repository diepxuan/diepxuan.github.io, `van-ban/khieu-nai-to-cao/*.md`):

- Luật Khiếu nại 2011 Art. 41(1) (pháp điển 18.1.LQ.41) reads "Trong thời hạn 07 ngày, kể từ ngày
  có quyết định giải quyết khiếu nại" (plain days), where Art. 32 (18.1.LQ.32) reads "03 ngày làm
  việc": sending a second-complaint decision is 07 calendar days, confirmed.
- Thông tư 05/2021/TT-TTCP: the pháp điển gives its date (01/10/2021) and entry into force
  (15/11/2021), confirmed; only its Art. 13–16 (denunciation letters) are in the mirrored đề mục,
  so the 10 working days for letters and feedback stay unconfirmed, with the sources tried.

`RULES` is 0004's list with these rows replaced (`danchu.legal.deadlines` reads it for a database
not migrated yet).
"""

import importlib

from django.db import migrations

_0004 = importlib.import_module("danchu.legal.migrations.0004_law_2026_rules_and_calendar")
LKN = _0004.LKN
SRC_PHAP_DIEN_41 = (
    "Pháp điển, đề mục Khiếu nại, Điều 18.1.LQ.41 (= Điều 41 khoản 1 Luật 02/2011/QH13): "
    "'Trong thời hạn 07 ngày, kể từ ngày có quyết định giải quyết khiếu nại'; so với Điều 32 "
    "(18.1.LQ.32): '03 ngày làm việc'"
)
_TT_NOTE = (
    "Chưa đối chiếu được nguyên văn thời hạn 10 ngày làm việc của Thông tư; thời hạn này giống "
    "quy định trước đó và đang được rà soát."
)
_TT_REVIEW = (
    "Chưa xác nhận: thời hạn xử lý đơn 10 ngày làm việc theo {tt}. Đã xác nhận ngày ban hành "
    "01/10/2021 và hiệu lực 15/11/2021 của Thông tư 05/2021/TT-TTCP (pháp điển, đề mục Tố cáo, "
    "Điều 18.5.TT.12.13–16). Đã tra: pháp điển các đề mục Khiếu nại, Tố cáo, Tiếp công dân (chỉ có "
    "Điều 13–16 của Thông tư, về đơn tố cáo); kho trang công khai ('Thông tư 05/2021/TT-TTCP xử lý "
    "đơn thời hạn 10 ngày làm việc kể từ ngày nhận được đơn'); kho mã nguồn (chuỗi nguyên văn "
    "'10 ngày làm việc kể từ ngày nhận được đơn'): không có nguyên văn điều quy định thời hạn."
)

CHANGED = [
    _0004.rule(
        "complaint",
        "send_decision",
        "second",
        7,
        "calendar",
        "decision",
        f"{LKN}, Điều 41 khoản 1 (07 ngày, tính từ ngày có quyết định giải quyết khiếu nại lần hai)",
        _0004.D(2012, 7, 1),
        source=SRC_PHAP_DIEN_41,
    ),
]
# The complaint acceptance from 01/07/2026 stays unconfirmed (no official text); the review note
# now names the one copy found, so that the administrator can check it against vanban.chinhphu.vn.
_accept = next(r for r in _0004.RULES if r["step"] == "accept" and r["applies_from"] == _0004.D(2026, 7, 1))
CHANGED.append(
    _accept
    | {
        "review_note": _accept["review_note"]
        + " Bản sao tìm thấy: kho github diepxuan/diepxuan.github.io, tệp van-ban/tu-phap/"
        "nghi-dinh-155-2026-nd-cp-sua-doi-luat-khieu-nai.md (ghi nguồn vanban.chinhphu.vn, mã 218183; "
        "ngày 15/05/2026, hiệu lực 01/07/2026; sửa khoản 1 điều về thụ lý thành '07 ngày làm việc'). "
        "Khi đối chiếu được bản chính thức trên vanban.chinhphu.vn, bỏ chọn ô chưa xác nhận của quy định này."
    }
)
for _kind, _suffix in (("letter", ""), ("feedback", "; thời hạn trả lời do người xử lý ấn định")):
    CHANGED += [
        _0004.rule(
            _kind,
            "process",
            "normal",
            10,
            "working",
            "received",
            "Thông tư 07/2014/TT-TTCP" + _suffix,
            _0004.D(2014, 12, 15),
            _0004.D(2021, 11, 14),
            needs_check=True,
            public_note=_TT_NOTE,
            review_note=_TT_REVIEW.format(tt="Thông tư 07/2014/TT-TTCP"),
        ),
        _0004.rule(
            _kind,
            "process",
            "normal",
            10,
            "working",
            "received",
            "Thông tư 05/2021/TT-TTCP" + _suffix,
            _0004.D(2021, 11, 15),
            None,
            needs_check=True,
            public_note=_TT_NOTE,
            review_note=_TT_REVIEW.format(tt="Thông tư 05/2021/TT-TTCP"),
            source="Pháp điển, đề mục Tố cáo, Điều 18.5.TT.12.13–16 (ngày ban hành, hiệu lực)",
        ),
    ]


def _key(row):
    return (row["kind"], row["step"], row["variant"], row["applies_from"])


_changed = {_key(r): r for r in CHANGED}
RULES = [_changed.get(_key(r), r) for r in _0004.RULES]


def load(apps, schema_editor):
    DeadlineRule = apps.get_model("legal", "DeadlineRule")
    for row in CHANGED:
        keys = {k: row[k] for k in ("kind", "step", "variant", "applies_from")}
        DeadlineRule.objects.update_or_create(
            **keys, defaults={k: v for k, v in row.items() if k not in keys}
        )


def unload(apps, schema_editor):
    DeadlineRule = apps.get_model("legal", "DeadlineRule")
    for row in _0004.RULES:
        if _key(row) in _changed:
            keys = {k: row[k] for k in ("kind", "step", "variant", "applies_from")}
            DeadlineRule.objects.filter(**keys).update(**{k: v for k, v in row.items() if k not in keys})


class Migration(migrations.Migration):
    dependencies = [("legal", "0005_register_cited_party_and_state_texts")]

    operations = [migrations.RunPython(load, unload)]
