"""Every sentence with figures, rendered with zeros, with nothing and with the seed's figures:
zeros read as natural Vietnamese, the seed's sentences keep their wording, online public services
follow the law of the period, inspections keep their subject matter."""

import re

import pytest

from danchu.reporting import sentences
from danchu.reporting.indicators import INDICATORS, IndicatorValue, ReportData, label_on
from danchu.reporting.outline import APPENDIX, OUTLINES

# Every generator the outlines and the appendix print, and every one sentences.py defines.
GENERATORS = {g for outline in OUTLINES.values() for sec in outline for g in sec.generators} | {
    g for _key, _heading, gens in APPENDIX for g in gens
}
DEFINED = {
    getattr(sentences, name)
    for name in dir(sentences)
    if not name.startswith("_")
    and callable(getattr(sentences, name))
    and getattr(getattr(sentences, name), "__module__", "") == sentences.__name__
    and name not in {"document_list"}
}

# The seed's 2020 figures (Sở TT-TT Trà Vinh).
SEED = {
    "letters_received": 15,
    "complaints_received": 3,
    "complaints_answered": 2,
    "complaints_in_progress": 1,
    "denunciations_received": 2,
    "denunciations_not_eligible": 1,
    "denunciations_in_progress": 1,
    "feedback_received": 10,
    "feedback_answered": 4,
    "feedback_not_eligible": 6,
    "petitions_due": 2,
    "petitions_resolved": 2,
    "complaint_resolution_rate": 100,
    "administrative_inspections": 1,
    "administrative_subjects": 1,
    "inspections_total": 10,
    "inspections_led": 4,
    "inspections_joint": 6,
    "inspection_subjects": 34,
    "subjects_checked": 35,
    "subjects_in_violation": 9,
    "referrals": 3,
    "sanction_decisions": 6,
    "fines_vnd": 41_250_000,
    "party_inspections": 8,
    "party_supervisions": 3,
    "fund_contributions_vnd": 24_254_500,
    "procedures_posted": 37,
    "online_services_l34": 37,
    "online_services_l4": 29,
    "service_centre_officials": 2,
    "staff_quota_civil_servants": 28,
    "staff_quota_public_employees": 28,
    "staff_reduced_civil_servants": 4,
    "staff_reduced_public_employees": 4,
    "staff_reduction_pct": 12.5,
    "items_posted": 101,
    "disclosures": 17,
    "consultations_held": 1,
    "staff_conferences_held": 2,
    "staff_conferences_required": 2,
    "staff_conference_rate": 100,
    "dissemination_coverage_pct": 100,
}

ZERO_LISTS = {
    "campaigns": [],
    "funds": [],
    "led_subjects": [],
    "led_inspections": [],
    "administrative_inspections": [],
    "joint_by_partner": [],
    "referred_to": [],
    "postings": [],
}


def data(values, lists=None, as_of="2026-12-14", documents=None):
    return ReportData(
        values={code: IndicatorValue(code, v) for code, v in values.items()},
        lists=lists if lists is not None else dict(ZERO_LISTS),
        documents=documents or {"party": [], "government": []},
        as_of=as_of,
    )


def zeros(**overrides):
    return {**{i.code: 0 for i in INDICATORS}, **overrides}


BROKEN = [
    (re.compile(r"không có cuộc"), "“không có cuộc”"),
    (re.compile(r" là 0\b"), "“là 0”"),
    (re.compile(r"(?<![\d.,/%])0 "), "a count of 0"),
    (re.compile(r"(?<![\d.,])00 "), "a count of 00"),
    (re.compile(r"\b0/"), "0/… as a count"),
    (re.compile(r"  |\s[.,;:]|\(\)|;;|\.\."), "doubled space or punctuation"),
]


def problems_in(paragraph):
    found = [label for pattern, label in BROKEN if pattern.search(paragraph)]
    if not paragraph.endswith("."):
        found.append("does not end with a full stop")
    if paragraph[:1].islower():
        found.append("starts in lower case")
    return found


def render_all(report_data):
    return {g.__name__: g(report_data) for g in sorted(GENERATORS, key=lambda g: g.__name__)}


def test_every_generator_is_tested():
    assert DEFINED <= GENERATORS | {sentences.disclosures_and_consultations}


@pytest.mark.parametrize("as_of", ["2020-12-14", "2026-12-14"])
def test_all_zero_figures_read_as_natural_vietnamese(as_of):
    rendered = render_all(data(zeros(), as_of=as_of))
    bad = {name: (p, problems_in(p)) for name, ps in rendered.items() for p in ps if problems_in(p)}
    assert not bad
    text = " ".join(p for ps in rendered.values() for p in ps)
    for expected in (
        "không tổ chức cuộc thanh tra hành chính nào",
        "không tổ chức cuộc thanh tra, kiểm tra chuyên ngành nào",
        "không tiếp nhận đơn khiếu nại, tố cáo, phản ánh, kiến nghị nào",
        "chưa được giao biên chế công chức, viên chức",
        "không tổ chức cuộc kiểm tra, giám sát chuyên đề nào",
        "không ban hành văn bản nào",
    ):
        assert expected in text


@pytest.mark.parametrize("values", [{}, {i.code: None for i in INDICATORS}], ids=["missing", "none"])
def test_missing_figures_leave_their_sentences_out(values):
    rendered = render_all(data(values, lists={}))
    printed = {name: ps for name, ps in rendered.items() if ps}
    # Only the document list, which comes from the registry, not from a figure, still prints.
    assert set(printed) == {"documents"}
    assert all(not problems_in(p) for p in printed["documents"])


@pytest.mark.parametrize("code", sorted(SEED))
def test_one_zero_among_the_seed_figures_reads_naturally(code):
    rendered = render_all(data({**zeros(), **SEED, code: 0}))
    bad = [(p, problems_in(p)) for ps in rendered.values() for p in ps if problems_in(p)]
    assert not bad


@pytest.mark.parametrize("code", sorted(SEED))
def test_one_missing_figure_among_the_seed_figures_reads_naturally(code):
    values = {**zeros(), **SEED}
    values[code] = None
    rendered = render_all(data(values))
    bad = [(p, problems_in(p)) for ps in rendered.values() for p in ps if problems_in(p)]
    assert not bad


def test_seed_sentences_keep_their_wording():
    seed = data({**zeros(), **SEED}, as_of="2020-12-14")
    assert sentences.staffing(seed) == [
        "Về tinh giản biên chế: đạt tỷ lệ 12,5% (04 biên chế công chức, 04 biên chế viên chức).",
        "Tổng biên chế công chức được giao là 28 và tổng biên chế viên chức được giao là 28.",
    ]
    assert "đã tổ chức 08 cuộc kiểm tra và 03 cuộc giám sát chuyên đề;" in sentences.party_oversight(seed)[0]
    assert sentences.conferences(seed) == [
        "Tổ chức hội nghị cán bộ, công chức, viên chức/tổng số cơ quan, đơn vị: 02/02, đạt tỷ lệ 100%."
    ]
    assert sentences.online_services(seed) == [
        "Tổng số dịch vụ công trực tuyến mức độ 3, mức độ 4: 37; trong đó mức độ 4: 29."
    ]
    assert sentences.resolution_rate(seed) == [
        "Tỷ lệ giải quyết đơn thư khiếu nại, tố cáo: 100% (02/02 đơn đến hạn giải quyết trong kỳ đã được giải quyết)."
    ]


def test_zero_staff_quota_of_one_kind():
    text = sentences.staffing(data(zeros(staff_quota_civil_servants=12)))
    assert text == ["Tổng biên chế công chức được giao là 12; cơ quan chưa được giao biên chế viên chức."]


def test_conference_due_but_not_held():
    text = sentences.conferences(data(zeros(staff_conferences_required=1)))[0]
    assert (
        text
        == "Trong kỳ chưa tổ chức hội nghị cán bộ, công chức, viên chức (01 cơ quan, đơn vị phải tổ chức hội nghị)."
    )


def test_letters_due_but_none_resolved():
    text = sentences.resolution_rate(data(zeros(petitions_due=3)))[0]
    assert text == "Trong kỳ có 03 đơn khiếu nại, tố cáo đến hạn giải quyết, chưa giải quyết xong đơn nào."


class TestOnlineServicesFollowThePeriod:
    """Nghị định 42/2022/NĐ-CP (in force 15/08/2022) replaced levels 1–4 (Nghị định 43/2011/NĐ-CP)
    by "toàn trình" and "một phần"."""

    def test_before_decree_42_levels_3_and_4(self):
        text = sentences.online_services(
            data(zeros(online_services_l34=37, online_services_l4=29), as_of="2022-08-14")
        )
        assert text == ["Tổng số dịch vụ công trực tuyến mức độ 3, mức độ 4: 37; trong đó mức độ 4: 29."]

    def test_from_decree_42_full_and_partial(self):
        text = sentences.online_services(
            data(zeros(online_services_l34=37, online_services_l4=29), as_of="2022-08-15")
        )
        assert text == ["Tổng số dịch vụ công trực tuyến: 37; trong đó toàn trình: 29, một phần: 08."]
        assert "mức độ" not in text[0]

    def test_labels_follow_the_period(self):
        assert "mức độ 3, 4" in str(label_on("online_services_l34", "2020-12-14"))
        assert (
            str(label_on("online_services_l34", "2026-12-14"))
            == "Dịch vụ công trực tuyến (toàn trình và một phần)"
        )
        assert str(label_on("online_services_l4", "2022-08-15")) == "Dịch vụ công trực tuyến toàn trình"
        assert str(label_on("letters_received", "2026-12-14")) == "Tổng số đơn tiếp nhận"


def test_inspections_keep_their_subject_matter_and_target():
    lists = dict(
        ZERO_LISTS,
        led_inspections=[
            {
                "subjects": 3,
                "field": "Thuê bao di động",
                "subject_line": "Kiểm tra việc chấp hành quy định về quản lý thuê bao di động",
            },
            {
                "subjects": 7,
                "field": "In, xuất bản, phát hành",
                "subject_line": "Kiểm tra về hoạt động in trên địa bàn tỉnh",
            },
        ],
        administrative_inspections=[
            {
                "subject_line": "Thanh tra việc quản lý và sử dụng tài chính, tài sản",
                "field": "Tài chính, tài sản",
                "targets": ["Trung tâm Công nghệ Thông tin và Truyền thông"],
            }
        ],
        joint_by_partner=[
            {
                "partner": "Trung tâm Tần số vô tuyến điện khu vực IV",
                "inspections": 1,
                "subjects": 3,
                "fields": ["Tần số vô tuyến điện"],
            }
        ],
    )
    values = zeros(
        administrative_inspections=1,
        administrative_subjects=1,
        inspections_total=3,
        inspections_led=2,
        inspections_joint=1,
        inspection_subjects=13,
        subjects_checked=14,
    )
    text = " ".join(sentences.inspections(data(values, lists=lists)))
    assert (
        "Tổ chức thanh tra hành chính 01 cuộc: thanh tra việc quản lý và sử dụng tài chính, tài sản "
        "đối với Trung tâm Công nghệ Thông tin và Truyền thông." in text
    )
    assert (
        "01 cuộc đối với 03 tổ chức, cá nhân kiểm tra việc chấp hành quy định về quản lý thuê bao di động"
        in text
    )
    assert "01 cuộc đối với 07 tổ chức, cá nhân kiểm tra về hoạt động in trên địa bàn tỉnh" in text
    assert (
        "phối hợp với Trung tâm Tần số vô tuyến điện khu vực IV 01 cuộc về tần số vô tuyến điện đối với 03 tổ chức, cá nhân"
        in text
    )


def test_the_target_is_not_repeated_when_the_subject_line_names_it():
    lists = dict(
        ZERO_LISTS,
        administrative_inspections=[
            {"subject_line": "Thanh tra tài chính của Trung tâm A", "field": "", "targets": ["Trung tâm A"]}
        ],
    )
    text = sentences.inspections(data(zeros(administrative_inspections=1), lists=lists))[0]
    assert text == "Tổ chức thanh tra hành chính 01 cuộc: thanh tra tài chính của Trung tâm A."


def test_campaign_figures_keep_their_channel():
    lists = dict(
        ZERO_LISTS,
        campaigns=[
            {
                "topic": "Phòng, chống dịch bệnh Covid-19",
                "by_channel": [
                    {
                        "channel": "Cổng thông tin điện tử tỉnh",
                        "code": "provincial_portal",
                        "articles": 136,
                        "documents": 16,
                        "banners": 0,
                    },
                    {"channel": "Khác", "code": "other", "articles": 0, "documents": 0, "banners": 2},
                ],
            }
        ],
    )
    assert sentences.campaigns(data(zeros(), lists=lists)) == [
        "Tuyên truyền về phòng, chống dịch bệnh Covid-19: đăng 136 tin, bài và 16 văn bản trên Cổng "
        "thông tin điện tử tỉnh; thực hiện 02 băng rôn, banner."
    ]


def test_campaigns_frozen_before_channels_were_split_still_read():
    lists = dict(
        ZERO_LISTS,
        campaigns=[
            {
                "topic": "Chuyển đổi số",
                "articles": 5,
                "documents": 0,
                "banners": 0,
                "channels": ["Mạng xã hội"],
            }
        ],
    )
    assert sentences.campaigns(data(zeros(), lists=lists)) == [
        "Tuyên truyền về chuyển đổi số: đăng 05 tin, bài trên mạng xã hội."
    ]


@pytest.mark.parametrize(
    "topic, written",
    [
        ("Phòng, chống dịch bệnh Covid-19", "phòng, chống dịch bệnh Covid-19"),
        (
            "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
            "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
        ),
        (
            "Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học",
            "Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học",
        ),
        ("Luật Thực hiện dân chủ ở cơ sở", "Luật Thực hiện dân chủ ở cơ sở"),
        ("Kế hoạch phòng, chống thiên tai", "kế hoạch phòng, chống thiên tai"),
        ("UBND tỉnh và các sở", "UBND tỉnh và các sở"),
    ],
)
def test_a_campaign_topic_that_names_an_event_or_a_document_keeps_its_capital(topic, written):
    """The seed writes "về Đại hội đại biểu Đảng bộ tỉnh…" beside "về phòng, chống dịch bệnh…"."""
    lists = dict(
        ZERO_LISTS,
        campaigns=[
            {"topic": topic, "articles": 1, "documents": 0, "banners": 0, "channels": ["Mạng xã hội"]}
        ],
    )
    (sentence,) = sentences.campaigns(data(zeros(), lists=lists))
    assert sentence.startswith(f"Tuyên truyền về {written}: ")


def test_citizen_reception_reads_as_reports_write_it():
    values = dict(zeros(), reception_visits=198, reception_people=221, reception_matters=200)
    assert sentences.reception(data(values)) == [
        "Tổ chức tiếp công dân 198 lượt với 221 người, tiếp nhận 200 vụ việc."
    ]
    assert sentences.reception(data(zeros())) == [
        "Trong kỳ, không có lượt công dân nào đến cơ quan để được tiếp."
    ]
