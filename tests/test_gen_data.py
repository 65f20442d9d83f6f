"""`danchu gen-data`: the small preset's counts, valid data for the statistics and the pages,
and the same rows for the same seed."""

import pytest
from django.core.management import call_command
from django.db import transaction

from danchu.core.gendata import PRESETS, generate
from danchu.orgs.models import Organization
from danchu.petitions.models import Petition

pytestmark = pytest.mark.django_db


def test_small_preset_counts_and_statistics(client):
    from danchu.consolidation import provincial
    from danchu.oversight.stats import stats_for as oversight_stats
    from danchu.participation.models import Disclosure
    from danchu.participation.stats import stats_for as participation_stats
    from danchu.petitions.stats import petition_stats
    from danchu.reporting.indicators import compute

    call_command("gen_data", "--preset", "small", "--seed", "7", verbosity=0)
    shape = PRESETS["small"]
    root = Organization.objects.get(code="GEN")
    assert Organization.objects.filter(parent=root).count() == shape.agencies
    assert Petition.objects.in_subtree(root).count() == shape.agencies * shape.letters
    assert Disclosure.objects.filter(organization__path__startswith=root.path).count() == 100
    codes = list(Petition.objects.values_list("tracking_code", flat=True))
    assert len(set(codes)) == len(codes)
    # bulk_create skips save(): the generator fills the stored search column itself
    assert not Petition.objects.in_subtree(root).filter(search_text="").exists()
    from danchu.documents.models import Document

    assert not Document.objects.filter(organization__path__startswith=root.path, search_text="").exists()

    agency = Organization.objects.get(code="GEN.A0001")
    start, end = generate_window()
    stats = petition_stats(agency, start, end)
    assert 0 < stats["letters_received"] <= shape.letters
    assert stats["letters_received"] == sum(stats["by_channel"].values())
    assert (
        stats["complaints_received"] + stats["denunciations_received"] + stats["feedback_received"]
        == (stats["letters_received"])
    )
    assert stats["resolution_resolved"] <= stats["resolution_base"]
    assert oversight_stats(agency, start, end)["inspections_total"] > 0
    assert participation_stats(agency, start, end)["disclosures_total"] > 0
    data = compute(agency, generate_period())
    assert data.value("letters_received") == stats["letters_received"]

    req = root.report_requests.get()
    assert provincial.completeness(req).submitted == shape.agencies
    totals = provincial.consolidate(req).totals
    assert totals["petitions_resolved"] <= totals["petitions_due"]

    client.login(username="gen.head", password="danchu-bench")
    for url in ("/don-thu/", "/dan-chu/cong-khai/"):
        assert client.get(url).status_code == 200, url


def generate_window():
    import datetime

    return datetime.date(2024, 12, 15), datetime.date(2025, 12, 14)


def generate_period():
    from danchu.orgs.models import ReportingPeriod

    return ReportingPeriod.objects.get(code="2025")


def test_same_seed_same_rows_and_second_run_refused():
    shape = PRESETS["small"].scaled(0.1)

    def codes(seed):
        with transaction.atomic():
            generate(shape, seed=seed, prefix="DET")
            found = sorted(Petition.objects.values_list("tracking_code", "received_on", "status"))
            transaction.set_rollback(True)
        return found

    assert codes(3) == codes(3)
    assert codes(3) != codes(4)
    generate(shape, seed=3, prefix="DET")
    with pytest.raises(ValueError, match="DET"):
        generate(shape, seed=3, prefix="DET")


def test_letters_registered_after_gen_data_follow_its_references():
    """gen-data gives references in bulk; the organisation's sequence must follow them, so the
    first letter registered in danchu afterwards takes the next number, not 0001 again."""
    import datetime

    from danchu.petitions import actions

    shape = PRESETS["small"].scaled(0.1)
    with transaction.atomic():
        generate(shape, seed=3, prefix="SEQ")
    agency = Organization.objects.get(code="SEQ.A0001")
    year = Petition.objects.filter(organization=agency).latest("received_on").received_on.year
    numbers = [
        int(ref.rsplit("-", 1)[1])
        for ref in Petition.objects.filter(
            organization=agency, reference__startswith=f"ĐT-{year}-"
        ).values_list("reference", flat=True)
    ]
    assert numbers, "the generator gave this agency letters in that year"
    p = actions.register(
        agency,
        actor=None,
        kind="feedback",
        channel="web",
        received_on=datetime.date(year, 12, 1),
        subject="Phản ánh mới sau dữ liệu sinh",
        content="Nội dung phản ánh.",
        identity={"full_name": "Nguyễn Văn A", "phone": "0900000000"},
    )
    assert p.reference == f"ĐT-{year}-{max(numbers) + 1:04d}"
