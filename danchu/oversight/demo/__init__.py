"""Demo inspections and party oversight, from the seed's 2020 figures (Sở TT-TT Trà Vinh).

The figures are the seed's: 10 specialised inspections of 34 subjects (4 led with 3, 7, 1 and 15
subjects, on mobile subscribers, printing, radio frequencies and public gaming as the seed lists
them; 6 joint: one of 3 subjects with the regional radio frequency centre (khu vực IV), five of
one individual each with the provincial police on the use of social networks) and 1 administrative inspection of the ICT centre's finances and
assets; 9 subjects in violation, 3 referred to the Ministry's inspectorate, 6 sanction decisions
totalling 41.250.000 đồng; 8 party inspections and 3 thematic supervisions, no violations, no
discipline, no complaints. Names of subjects, dates and decision numbers are invented.

2026, Sở KH-CN Vĩnh Long (VL.SKHCN, the successor body, which took over the information and
communications fields): 1 administrative inspection (led), 3 led and 3 joint specialised
inspections of 28 subjects, 8 in violation, 6 sanction decisions (57.500.000 đồng), 2 referrals
to the Ministry's inspectorate; 3 inspections and 2 thematic supervisions of its Party committee,
and one letter about a party member (groundless). Fixed 2026 dates, each record only once its
date has come.
The records are the tables of data/*.toml (inspections by year, party work), loaded in their order.
Everything is created through the actions; loading twice changes nothing.
"""

import datetime
import tomllib
from pathlib import Path

from django.utils import timezone

from danchu.documents.demo import ensure_document
from danchu.documents.kinds import DocumentKind
from danchu.documents.models import Direction, Document

from .. import actions
from ..models import (
    Inspection,
    InspectionSubject,
    Outcome,
    OutcomeKind,
    PartyComplaint,
    PartyComplaintStatus,
    PartyOversight,
    Recommendation,
)

D = datetime.date
MINISTRY = "Thanh tra Bộ Thông tin và Truyền thông"
MOST_INSPECTORATE = "Thanh tra Bộ Khoa học và Công nghệ"
DATA = Path(__file__).parent / "data"


def _data(name):
    """A table of demo records from data/NAME.toml (see its header for the fields)."""
    with open(DATA / f"{name}.toml", "rb") as f:
        return tomllib.load(f)


def _decision(org, number, day, subject_name):
    """A 2020 sanction decision (a record of the agency's documents, without its register entry)."""
    doc, _created = Document.objects.get_or_create(
        organization=org,
        ref=f"{number}/QĐ-XPVPHC",
        defaults={
            "direction": Direction.ISSUED,
            "kind": DocumentKind.QD,
            "number": number,
            "symbol": "QĐ-XPVPHC",
            "issued_on": day,
            "issuer_org": org,
            "issuer_name": org.name,
            "subject": f"Quyết định xử phạt vi phạm hành chính đối với {subject_name}",
            "signer_name": "Nguyễn Văn Nậy",
        },
    )
    return doc


def _sanction_decision(org, number, day, subject_name):
    """A 2026 sanction decision, entered in the agency's register of outgoing documents."""
    subject = f"Xử phạt vi phạm hành chính đối với {subject_name}"
    return ensure_document(org, DocumentKind.QD, number, "QĐ-XPHC", False, day, org, org.name, subject)


def _inspection(org, actor, row, referred_to, decide):
    """One inspection of the data tables with its subjects and their outcomes."""
    inspection = actions.save_inspection(
        Inspection(
            organization=org,
            ref=row["ref"],
            kind=row["kind"],
            mode=row["mode"],
            partner=row.get("partner", ""),
            field=row["field"],
            subject_line=row["subject_line"],
            start=row["start"],
            end=row["end"],
        ),
        actor=actor,
    )
    for s in row["subjects"]:
        violation = s.get("violation", "")
        subject = actions.save_subject(
            InspectionSubject(
                inspection=inspection,
                name=s["name"],
                subject_type=s["type"],
                in_violation=bool(violation),
                violation=violation,
            ),
            actor=actor,
        )
        if s.get("referral"):
            actions.save_outcome(
                Outcome(subject=subject, kind=OutcomeKind.REFERRAL, referred_to=referred_to, date=row["end"]),
                actor=actor,
            )
        elif "fine" in s:
            actions.save_outcome(
                Outcome(
                    subject=subject,
                    kind=OutcomeKind.SANCTION_DECISION,
                    decision=decide(org, s["decision"], s["decided_on"], s["name"]),
                    fine_vnd=s["fine"],
                    date=s["decided_on"],
                ),
                actor=actor,
            )
    return inspection


def _inspections(rows, org_of, actor_of, today, referred_to=MINISTRY, decide=_decision):
    """The inspections of a data table not yet recorded whose last date has come, with the
    administrative inspections' recommendations (done once their date has come)."""
    for row in rows:
        org = org_of(row)
        last = max([row["end"]] + [s["decided_on"] for s in row["subjects"] if "fine" in s])
        if last > today or Inspection.objects.filter(organization=org, ref=row["ref"]).exists():
            continue
        actor = actor_of(row)
        inspection = _inspection(org, actor, row, referred_to, decide)
        if rec := row.get("recommendation"):
            done = rec["done_on"] <= today
            actions.save_recommendation(
                Recommendation(
                    inspection=inspection,
                    text=rec["text"],
                    due=rec["due"],
                    done_on=rec["done_on"] if done else None,
                    follow_up=rec["follow_up"] if done else "",
                ),
                actor=actor,
            )


def _party_work(committee, org_of, rows, actor, conclusion, today):
    """The party inspections and supervisions of a data table under `committee` not yet recorded
    (by organisation and subject) whose date has come."""
    done = set(
        PartyOversight.objects.filter(
            organization__path__startswith=committee.path, date__year=rows[0]["date"].year
        ).values_list("organization_id", "subject")
    )
    for row in rows:
        org = org_of(row)
        if (org.pk, row["subject"]) in done or row["date"] > today:
            continue
        actions.save_party_oversight(
            PartyOversight(
                organization=org,
                kind=row["kind"],
                body=row["body"],
                subject=row["subject"],
                date=row["date"],
                violations_found=False,
                conclusion=conclusion,
            ),
            actor=actor,
        )


def load(ctx):
    orgs, users = ctx["orgs"], ctx["users"]
    today = timezone.localdate()
    inspections, party = _data("inspections_2020"), _data("party")

    def org_of(row):
        return orgs[row["org"]]

    def actor_of(row):
        return users.get(row["actor"])

    _inspections(inspections["stttt"], org_of, actor_of, today)
    _party_work(
        orgs["TV.STTTT.DU"],
        org_of,
        party["y2020"],
        users["stttt.vanthu"],
        "Không phát hiện vi phạm; tổ chức đảng và đảng viên được kiểm tra, giám sát chấp hành tốt.",
        today,
    )
    _inspections(inspections["others"], org_of, actor_of, today)
    load_2026(orgs["VL.SKHCN"], orgs["VL.SKHCN.DU"], users["stttt.vanthu"], party["y2026"])


def load_2026(org, committee, actor, party):
    """Sở KH-CN Vĩnh Long's 2026 inspections and its Party committee's oversight."""
    today = timezone.localdate()
    _inspections(
        _data("inspections_2026")["vl_skhcn"],
        lambda _row: org,
        lambda _row: actor,
        today,
        referred_to=MOST_INSPECTORATE,
        decide=_sanction_decision,
    )
    _party_work(
        committee,
        lambda _row: committee,
        party,
        actor,
        "Không phát hiện vi phạm; tổ chức đảng và đảng viên chấp hành tốt.",
        today,
    )
    # A letter about a party member, which the inspection committee found groundless.
    received = D(2026, 8, 12)
    if (
        received <= today
        and not PartyComplaint.objects.filter(organization=committee, received_on=received).exists()
    ):
        actions.save_party_complaint(
            PartyComplaint(
                organization=committee,
                received_on=received,
                about="Đảng viên công tác tại Phòng Quản lý chuyên ngành",
                summary="Đơn phản ánh đảng viên không gương mẫu chấp hành quy định nơi cư trú.",
                status=PartyComplaintStatus.RESOLVED,
                result="Ủy ban Kiểm tra Đảng ủy xác minh: nội dung phản ánh không có cơ sở; đã thông báo kết quả.",
            ),
            actor=actor,
        )
