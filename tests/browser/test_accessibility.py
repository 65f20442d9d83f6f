"""WCAG 2.2 AA on the main pages (issue 15): axe-core finds no serious or critical violation; the
citizen's pages and the report page fit a 390 px phone; the keyboard reaches every main form's
submit button with a visible focus; each chart has a table of the same figures beside it; each
confirmation asks once.

axe-core is the copy shipped inside the `axe-playwright-python` package (dev extras): it is
injected from disk, nothing is fetched at run time."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from danchu.orgs.models import Membership, Organization, OrganizationKind

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


# --- The data: built here around the root conftest's personas, not the demo fixtures. ---------


def _docx():
    from danchu.core.officialdoc import OfficialDocument

    doc = OfficialDocument()
    doc.paragraph("Báo cáo")
    return SimpleUploadedFile("bao-cao.docx", doc.to_bytes())


@pytest.fixture
def site(world):
    """A petition overdue and one on time, published and draft disclosures, a report, and a
    provincial request answered by two agencies (for the consolidation charts)."""
    from danchu.consolidation import actions as consolidation
    from danchu.consolidation.models import TargetMode
    from danchu.legal.frameworks import framework_for
    from danchu.legal.models import Requirement
    from danchu.participation import actions as participation
    from danchu.petitions import actions as petitions
    from danchu.petitions.models import Kind, Outcome
    from danchu.reporting import actions as reporting

    today = timezone.localdate()
    w = world
    # Petitions: one long overdue (a red row), one received this week (on time).
    old = petitions.register(
        w.a,
        actor=w.clerk_a,
        kind=Kind.COMPLAINT,
        channel="paper",
        received_on=today - datetime.timedelta(days=120),
        subject="Khiếu nại việc chậm cấp giấy phép xây dựng",
        content="Hồ sơ nộp đã bốn tháng chưa được giải quyết.",
        identity={"full_name": "Lê Thị Công Dân", "address": "Ấp 3, xã Long Đức"},
    )
    petitions.classify(old, actor=w.clerk_a, outcome=Outcome.ACCEPT, on=old.received_on)
    petitions.assign(old, actor=w.clerk_a, handler=w.handler_a, on=old.received_on)
    w.petition = petitions.accept(old, actor=w.handler_a, on=old.received_on + datetime.timedelta(days=3))
    w.new_petition = petitions.register(
        w.a,
        actor=w.clerk_a,
        kind=Kind.FEEDBACK,
        channel="paper",
        received_on=today - datetime.timedelta(days=1),
        subject="Phản ánh đèn đường hỏng ở khóm 2",
        content="Đèn đường hỏng đã một tuần.",
        identity={"full_name": "Trần Văn Phản Ánh", "address": "Khóm 2, phường 1"},
    )
    # Disclosures: one published (late, so a red badge shows), one draft.
    requirement = Requirement.objects.get(framework=framework_for(today), area="disclosure", code="1")
    late = participation.create_disclosure(
        organization=w.a,
        actor=w.clerk_a,
        title="Kế hoạch công tác năm",
        requirement=requirement,
        decided_on=today - datetime.timedelta(days=40),
        channels=["intranet"],
    )
    w.published = participation.publish_disclosure(late, actor=w.clerk_a, published_on=today)
    w.draft = participation.create_disclosure(
        organization=w.a,
        actor=w.clerk_a,
        title="Quy chế chi tiêu nội bộ",
        requirement=requirement,
        decided_on=today,
        channels=["intranet"],
    )
    # The annual report.
    signer = Membership.objects.get(person__user=w.head_a, organization=w.a)
    w.report = reporting.create_report(
        w.a,
        w.period_2020,
        actor=w.clerk_a,
        report_date=datetime.date(2020, 11, 9),
        signer=signer,
        signing_authority="KT. GIÁM ĐỐC",
        signer_title="PHÓ GIÁM ĐỐC",
        recipients="Sở Nội vụ (b/c)\nLưu: VT",
    )
    w.build = reporting.run_build(reporting.request_build(w.report, "docx,xlsx", actor=w.clerk_a))
    # The province asks A and B for their report; both answer.
    snv = Organization.objects.create(
        code="TV.SNV", name="Sở Nội vụ", short_name="SNV", kind=OrganizationKind.DEPARTMENT, parent=w.tv
    )
    w.request = consolidation.create_request(
        actor=w.officer,
        requesting_org=snv,
        reference="1457/SNV-XDCQCTTN",
        issued_on=datetime.date(2020, 11, 5),
        title="Báo cáo kết quả thực hiện dân chủ ở cơ sở năm 2020",
        period=w.period_2020,
        deadline=datetime.date(2020, 11, 13),
        target_mode=TargetMode.LIST,
        chosen=[w.a, w.b],
    )
    for org, clerk, letters in ((w.a, w.clerk_a, 6), (w.b, w.clerk_b, 14)):
        consolidation.submit_upload(
            w.request,
            org,
            actor=clerk,
            uploaded_file=_docx(),
            values={
                "letters_received": letters,
                "complaints_received": letters,
                "denunciations_received": 0,
                "feedback_received": 0,
            },
        )
    return w


# --- axe-core -----------------------------------------------------------------------------------


def axe_violations(page, impacts=("serious", "critical")):
    from axe_playwright_python.base import AXE_SCRIPT

    page.evaluate(AXE_SCRIPT)
    result = page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}, resultTypes: ['violations']})"
    )
    found = []
    for v in result["violations"]:
        if v["impact"] in impacts:
            targets = [
                " ".join(map(str, n["target"])) + ": " + n["failureSummary"][:160] for n in v["nodes"][:5]
            ]
            found.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])}): " + " | ".join(targets))
    return found


def _pages(site):
    return {
        "login": (None, "/dang-nhap/"),
        "public form": (None, reverse("petitions:public_submit")),
        "lookup": (None, reverse("petitions:public_lookup")),
        "worklist": ("clerk_a", reverse("petitions:list")),
        "worklist (handler)": ("handler_a", reverse("petitions:list")),
        "petition": ("clerk_a", reverse("petitions:detail", args=[site.petition.uuid])),
        "disclosures": ("clerk_a", reverse("participation:disclosures")),
        "disclosure": ("clerk_a", reverse("participation:disclosure", args=[site.published.uuid])),
        "report": ("clerk_a", reverse("reporting:detail", args=[site.report.uuid])),
        "consolidation": ("officer", reverse("consolidation:consolidation", args=[site.request.uuid])),
        "request": ("officer", reverse("consolidation:detail", args=[site.request.uuid])),
        "stats": ("clerk_a", reverse("participation:stats")),
    }


WIDEST = """() => { const out = [];
 for (const el of document.querySelectorAll('body *')) { const r = el.getBoundingClientRect();
  if (r.right > 392 && el.children.length < 50) out.push(el.tagName + '.' + el.className + '#' + el.id + ' ' + Math.round(r.right)); }
 return out.slice(0, 12); }"""


def test_explore(page, site, login):
    current = None
    for name, (user, url) in _pages(site).items():
        if user != current:
            page.context.clear_cookies()
            if user:
                login(user)
            current = user
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(page.base + url)
        print("\n==", name, url, page.title())
        for v in axe_violations(page):
            print("   ", v)
        page.set_viewport_size(PHONE)
        print("   width at 390:", page.evaluate("document.scrollingElement.scrollWidth"))
        print("   ", page.evaluate(WIDEST))
        for v in axe_violations(page):
            print("   phone:", v)
