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

from conftest import build_world, make_user, reloaded_migration_data, restore_world, take_snapshot
from danchu.orgs.models import Membership, Organization, OrganizationKind, Role

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


# --- The data: built here around the root conftest's personas, not the demo fixtures. ---------


def _docx():
    from danchu.core.officialdoc import OfficialDocument

    doc = OfficialDocument()
    doc.paragraph("Báo cáo")
    return SimpleUploadedFile("bao-cao.docx", doc.to_bytes())


@pytest.fixture(scope="session")
def _site_snapshot(tmp_path_factory):
    """build_site(build_world()) run once per session inside a transaction that is rolled back
    (the root conftest's take_snapshot), or None while it cannot be taken yet: the site points at
    rows of the data migrations (a disclosure's requirement), and until the session's first flush
    those have the ids `migrate` gave them, not the ids every flushed test gets back
    (reloaded_migration_data)."""
    taken = []

    def get():
        if not taken and reloaded_migration_data():
            loader = lambda: dict(vars(build_site(build_world())))  # noqa: E731
            taken.append(take_snapshot(loader, tmp_path_factory.mktemp("site") / "media"))
        return taken[0] if taken else None

    return get


@pytest.fixture
def site(db, settings, _site_snapshot):
    """The personas and build_site's records, written back from the session's snapshot into the
    flushed database (its dozen actions took about half a second a test)."""
    snapshot = _site_snapshot()
    if snapshot is None:
        return build_site(build_world())
    return restore_world(snapshot, settings.MEDIA_ROOT)


def build_site(w):
    """A petition overdue and one on time, published and draft disclosures, a report, and a
    provincial request answered by two agencies (for the consolidation charts), around the
    personas of `w` (build_world)."""
    from danchu.consolidation import actions as consolidation
    from danchu.consolidation.models import TargetMode
    from danchu.legal.frameworks import framework_for
    from danchu.legal.models import Requirement
    from danchu.participation import actions as participation
    from danchu.petitions import actions as petitions
    from danchu.petitions.models import Kind, Outcome
    from danchu.reporting import actions as reporting

    today = timezone.localdate()
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
    for org, clerk, letters, held in ((w.a, w.clerk_a, 6, 4), (w.b, w.clerk_b, 14, 3)):
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
                "staff_conferences_held": held,
                "staff_conferences_required": 4,
            },
        )
    return w


@pytest.fixture
def built(site):
    """The report's files built (their SHA-256 made the report page 690 px wide on a phone)."""
    from danchu.reporting import actions as reporting

    reporting.run_build(reporting.request_build(site.report, "docx", actor=site.clerk_a))
    return site


def _needs_files(request, name):
    if name == "report":
        request.getfixturevalue("built")


# --- axe-core -----------------------------------------------------------------------------------

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page, impacts=("serious", "critical")):
    """The serious and critical WCAG 2.2 A/AA violations axe-core finds on the page, one line each."""
    from axe_playwright_python.base import AXE_SCRIPT  # axe.min.js from the installed package

    page.evaluate(AXE_SCRIPT)
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_AA,
    )
    found = []
    for v in result["violations"]:
        if v["impact"] in impacts:
            nodes = "; ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:5])
            found.append(f"{v['id']} ({v['impact']}, {len(v['nodes'])}): {v['help']} — {nodes}")
    return found


def _open(page, sign_in, user, url, viewport=None):
    page.set_viewport_size(viewport or {"width": 1280, "height": 900})
    if user:
        sign_in(user)
    page.goto(page.base + url)
    page.wait_for_load_state("load")


def _url(site, name):
    return {
        "login": "/dang-nhap/",
        "public_form": reverse("petitions:public_submit"),
        "lookup": reverse("petitions:public_lookup"),
        "worklist": reverse("petitions:list"),
        "petition": reverse("petitions:detail", args=[site.petition.uuid]),
        "disclosures": reverse("participation:disclosures"),
        "report": reverse("reporting:detail", args=[site.report.uuid]),
        "consolidation": reverse("consolidation:consolidation", args=[site.request.uuid]),
        "completeness": reverse("consolidation:detail", args=[site.request.uuid]),
        "stats": reverse("participation:stats"),
    }[name]


MAIN_PAGES = [
    ("login", None),
    ("public_form", None),
    ("lookup", None),
    ("worklist", "clerk_a"),
    ("worklist", "handler_a"),
    ("petition", "clerk_a"),
    ("petition", "handler_a"),
    ("disclosures", "clerk_a"),
    ("disclosures", "staff_a"),
    ("report", "clerk_a"),
    ("consolidation", "officer"),
    ("completeness", "officer"),
    ("stats", "clerk_a"),
]


@pytest.mark.parametrize("name,user", MAIN_PAGES, ids=[f"{n}-{u or 'citizen'}" for n, u in MAIN_PAGES])
def test_axe_finds_no_serious_or_critical_violation(request, page, site, sign_in, name, user):
    _needs_files(request, name)
    _open(page, sign_in, user, _url(site, name))
    assert page.locator("main").count() == 1
    found = axe_violations(page)
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(100)
    found += [f"at 390 px: {v}" for v in axe_violations(page)]
    assert not found, "\n".join(found)


def test_axe_on_the_public_form_with_its_errors_and_on_a_lookup_result(page, site, sign_in):
    """The form re-rendered with its errors, and the look-up showing a letter, are checked too."""
    _open(page, sign_in, None, _url(site, "public_form"), PHONE)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert page.locator("main .errorlist").count() >= 1
    assert not axe_violations(page)
    _open(page, sign_in, None, _url(site, "lookup"), PHONE)
    page.fill("#id_code", site.new_petition.tracking_code)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert site.new_petition.reference in page.text_content("#lookup-result")
    assert not axe_violations(page)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]


def test_the_axe_check_does_fail_on_a_contrast_violation(page, site, sign_in):
    """The check is not vacuous: light grey text on white is reported as serious."""
    _open(page, sign_in, None, _url(site, "login"))
    page.evaluate("document.querySelector('main h1').style.color = '#c8c8c8'")
    assert any(v.startswith("color-contrast (serious") for v in axe_violations(page))


# --- 390 px wide ---------------------------------------------------------------------------------

PHONE_PAGES = [
    ("public_form", None),
    ("lookup", None),
    ("report", "clerk_a"),
    ("petition", "clerk_a"),
    ("worklist", "clerk_a"),
    ("disclosures", "clerk_a"),
    ("consolidation", "officer"),
    ("stats", "clerk_a"),
]


@pytest.mark.parametrize("name,user", PHONE_PAGES, ids=[f"{n}-{u or 'citizen'}" for n, u in PHONE_PAGES])
def test_no_sideways_scroll_at_390_px(request, page, site, sign_in, name, user):
    _needs_files(request, name)
    _open(page, sign_in, user, _url(site, name), PHONE)
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE["width"], f"{name} is {width} px wide at 390 px"


def test_the_report_files_hash_wraps_and_a_wide_table_scrolls_inside_itself(page, built, sign_in):
    """The report page carried a 64-character SHA-256 (690 px wide); the petition page a
    six-column table of deadlines: the hash wraps, the table scrolls in its own box, which the
    keyboard can reach."""
    site = built
    assert site.report.files.exists()
    _open(page, sign_in, "clerk_a", _url(site, "report"), PHONE)
    box = page.locator("#files code").first.bounding_box()
    assert box["x"] + box["width"] <= PHONE["width"]
    page.goto(page.base + _url(site, "petition"))
    table = page.locator("main table.list").first
    sizes = table.evaluate("t => [t.scrollWidth, t.clientWidth, t.getAttribute('tabindex')]")
    assert sizes[0] > sizes[1] and sizes[2] == "0"


# --- Keyboard -------------------------------------------------------------------------------------

FOCUSABLE = (
    "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]), "
    "textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])"
)


def _tab_through(page, limit=200):
    """Press Tab until focus comes back round; the elements reached, in order (by a mark)."""
    page.evaluate(f"document.querySelectorAll({FOCUSABLE!r}).forEach((el, i) => el.dataset.kbd = String(i))")
    reached = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        mark = page.evaluate("document.activeElement && document.activeElement.dataset.kbd")
        if mark is None:
            continue
        if reached and mark == reached[0]:
            break
        reached.append(mark)
    return reached


def _outline(page):
    return page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
        return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor,
                visible: document.activeElement.matches(':focus-visible')}; }"""
    )


@pytest.mark.parametrize("name,user", [("public_form", None), ("login", None), ("lookup", None)])
def test_tab_reaches_the_submit_button_with_a_visible_outline(page, site, sign_in, name, user):
    _open(page, sign_in, user, _url(site, name), PHONE)
    submit = "main form.stacked button[type=submit]"
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement === document.querySelector({submit!r})"):
            break
    else:
        pytest.fail("Tab never reached the form's submit button")
    ring = _outline(page)
    assert ring["visible"] and ring["style"] == "solid" and ring["width"] >= 2, ring
    assert ring["color"] not in ("rgba(0, 0, 0, 0)", "transparent")


def test_the_first_tab_shows_the_skip_link(page, site, sign_in):
    _open(page, sign_in, None, _url(site, "public_form"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    box = page.locator(".skip").bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0  # on screen, not parked off it
    assert _outline(page)["style"] == "solid"


@pytest.mark.parametrize(
    "name,user", [("public_form", None), ("petition", "handler_a"), ("disclosures", "clerk_a")]
)
def test_every_control_of_the_page_is_reached_by_tab(page, site, sign_in, name, user):
    """Every visible link, button and field (the honeypot excepted) is in the Tab order."""
    _open(page, sign_in, user, _url(site, name))
    reached = set(_tab_through(page))
    controls = page.evaluate(
        """() => [...document.querySelectorAll('[data-kbd]')]
          .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden'
                        && !el.closest('[aria-hidden=true]') && !el.closest('details:not([open]) > :not(summary)'))
          .map(el => [el.dataset.kbd, el.outerHTML.slice(0, 90)])"""
    )
    missed = [html for mark, html in controls if mark not in reached]
    assert controls and not missed, missed


# --- Charts ---------------------------------------------------------------------------------------


def _charts(page):
    """[{title, bars: [(label, value)], table: [(label, value)], axes, min_font}] of every chart."""
    return page.evaluate(
        """() => [...document.querySelectorAll('figure.chart-figure')].map(f => {
          const svg = f.querySelector('svg.chart');
          const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
          const fonts = [...svg.querySelectorAll('text')].map(t => parseFloat(t.getAttribute('font-size')) * scale);
          const bars = [...svg.querySelectorAll('g.bar')].map(g => {
            const t = g.querySelector('title').textContent; const i = t.lastIndexOf(': ');
            return [t.slice(0, i), g.querySelector('.bar-value').textContent]; });
          const heads = [...f.querySelectorAll('table thead th')].length;
          const table = [...f.querySelectorAll('table tbody tr')].map(tr => {
            const c = [...tr.children].map(x => x.textContent);
            return [c[0], heads > 2 ? c[1] + '/' + c[2] : c[1]]; });
          return {title: f.querySelector('figcaption').textContent,
                  caption: (f.querySelector('table caption') || {}).textContent,
                  role: svg.getAttribute('role'), name: svg.querySelector('title').textContent,
                  bars, table,
                  axes: [...svg.querySelectorAll('.axis-title')].map(t => t.textContent),
                  ticks: [...svg.querySelectorAll('.tick')].map(t => t.textContent),
                  labels: [...svg.querySelectorAll('.bar-label')].map(t => t.textContent),
                  min_font: Math.min(...fonts)}; })"""
    )


@pytest.mark.parametrize("viewport", [{"width": 1280, "height": 900}, PHONE], ids=["desktop", "phone"])
def test_consolidation_charts_name_agencies_and_carry_a_table_of_the_same_figures(
    page, site, sign_in, viewport
):
    _open(page, sign_in, "officer", _url(site, "consolidation"), viewport)
    charts = _charts(page)
    assert [c["title"] for c in charts] == [
        "Tổng số đơn tiếp nhận",
        "Tỷ lệ tổ chức hội nghị cán bộ, công chức, viên chức",
    ]
    letters, rate = charts
    assert letters["bars"] == [["Sở A", "6"], ["Sở B", "14"]] == letters["table"]
    assert rate["bars"] == [["Sở A", "100%"], ["Sở B", "75%"]] == rate["table"]
    for chart in charts:
        assert chart["role"] == "img" and chart["name"] == chart["title"] == chart["caption"]
        assert chart["axes"][0] == "Cơ quan, đơn vị" and chart["axes"][1].startswith(chart["title"])
        assert len(chart["ticks"]) >= 3 and chart["ticks"][0] in ("0", "0%")
        # Names, not codes or abbreviations.
        assert not {"TV.A", "TV.B", "SA", "SB"} & set(chart["labels"])
        assert chart["min_font"] >= 12, f"{chart['title']}: text {chart['min_font']:.1f} px"
    assert rate["ticks"][-1] == "100%" and letters["ticks"][-1] == "15"
    # The table is there for screen readers; a click opens it for everyone.
    page.click("figure.chart-figure >> nth=0 >> summary")
    assert page.locator("#chart-letters-received-data").is_visible()


def test_completeness_chart_counts_agencies_by_kind_with_its_table(page, site, sign_in):
    _open(page, sign_in, "officer", _url(site, "completeness"), PHONE)
    (chart,) = _charts(page)
    assert chart["bars"] == [["Sở, ban, ngành", "2/2"]] == chart["table"]
    assert chart["axes"] == ["Loại cơ quan", "Số cơ quan đã gửi báo cáo / số cơ quan phải gửi"]
    assert chart["min_font"] >= 12


def test_statistics_charts_carry_a_table_of_the_same_figures(page, site, sign_in):
    _open(page, sign_in, "clerk_a", _url(site, "stats"), PHONE)
    charts = {c["title"].split(":")[0]: c for c in _charts(page)}
    rate = charts["Tỷ lệ xác nhận đã đọc"]
    audience = site.published.audience_size
    assert rate["bars"] == [["Lượt xác nhận đã đọc", f"0/{audience}"]] == rate["table"]
    categories = charts["Số nội dung công khai theo nội dung phải công khai"]
    assert len(categories["bars"]) == 1 and categories["bars"] == categories["table"]
    assert categories["bars"][0][1] == "1"
    for chart in charts.values():
        assert chart["min_font"] >= 12


# --- One confirmation per action ------------------------------------------------------------------


def _dialogs(page, accept=True):
    asked = []

    def on_dialog(dialog):
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.on("dialog", on_dialog)
    return asked


def test_a_workflow_button_asks_once_and_acts(page, site, sign_in):
    """A button carrying data-confirm (the handler's "Thụ lý") asks once, by mouse or keyboard."""
    from danchu.petitions import actions as petitions
    from danchu.petitions.models import Kind, Outcome, Status

    p = petitions.register(
        site.a,
        actor=site.clerk_a,
        kind=Kind.COMPLAINT,
        channel="paper",
        received_on=timezone.localdate(),
        subject="Khiếu nại quyết định thu hồi đất",
        content="Đề nghị xem xét lại quyết định.",
        identity={"full_name": "Nguyễn Văn Khiếu", "address": "Ấp 5, xã Hòa Thuận"},
    )
    petitions.classify(p, actor=site.clerk_a, outcome=Outcome.ACCEPT, on=p.received_on)
    petitions.assign(p, actor=site.clerk_a, handler=site.handler_a, on=p.received_on)
    sign_in("handler_a")
    page.goto(page.base + reverse("petitions:detail", args=[p.uuid]))
    asked, answer = [], {"accept": False}

    def on_dialog(dialog):
        asked.append(dialog.message)
        dialog.accept() if answer["accept"] else dialog.dismiss()

    page.on("dialog", on_dialog)
    page.click("#action-accept button[type=submit]")
    page.wait_for_timeout(300)
    assert asked == ["Xác nhận thụ lý giải quyết đơn này?"]
    p.refresh_from_db()
    assert p.status != Status.ACCEPTED
    # Now by keyboard: focus the button, press Enter, accept the one question.
    answer["accept"] = True
    page.focus("#action-accept button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert len(asked) == 2  # one more question, not two
    p.refresh_from_db()
    assert p.status == Status.ACCEPTED


def test_a_form_with_data_confirm_asks_once(page, site, sign_in):
    """The report's "Đã rà soát" form carries data-confirm on the form itself."""
    from danchu.reporting.models import ReportStatus

    sign_in("head_a")
    page.goto(page.base + _url(site, "report"))
    asked = _dialogs(page)
    with page.expect_navigation():
        page.click("#workflow button:has-text('Đã rà soát')")
    assert asked == ["Chuyển báo cáo sang Đã rà soát? Sau bước này nội dung không sửa được nữa."]
    site.report.refresh_from_db()
    assert site.report.status == ReportStatus.REVIEWED


def test_publishing_a_disclosure_to_20_people_asks_once(page, site, sign_in):
    from danchu.participation.models import DisclosureStatus

    already = (
        Membership.objects.filter(organization__path__startswith=site.a.path).values("person").distinct()
    )
    for i in range(20 - already.count()):
        make_user(f"cb{i:02d}", Role.STAFF, site.a_unit if i % 2 else site.a, full_name=f"Cán bộ số {i + 1}")
    sign_in("clerk_a")
    page.goto(page.base + reverse("participation:disclosure", args=[site.draft.uuid]))
    asked = _dialogs(page)
    with page.expect_navigation():
        page.click("#publish")
    assert len(asked) == 1 and asked[0].startswith("Công khai nội dung này?")
    assert "Đã công khai" in page.text_content(".messages")
    site.draft.refresh_from_db()
    assert site.draft.status == DisclosureStatus.PUBLISHED and site.draft.audience_size == 20
