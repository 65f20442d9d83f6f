import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from danchu.activities import actions
from danchu.activities.models import Campaign, Contribution, Fund, StaffingQuota
from danchu.audit.models import AuditAction, AuditEvent
from danchu.documents.models import Document

D = datetime.date


def csv_file(text, name="tep.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_contribution_amount_typed_the_vietnamese_way(world, client_for):
    fund = actions.save_fund(Fund(organization=world.a, name="Quỹ An sinh xã hội"), actor=world.clerk_a)
    client = client_for(world.clerk_a)
    response = client.post(
        reverse("activities:contribution_create"),
        {"fund": fund.pk, "date": "2020-04-10", "amount_vnd": "14.193.000", "contributor": "Toàn thể"},
    )
    assert response.status_code == 302
    assert Contribution.objects.get().amount_vnd == 14_193_000
    page = client.get(reverse("activities:fund_detail", args=[fund.uuid])).content.decode()
    assert "14.193.000" in page


def test_bad_amount_keeps_what_was_typed(world, client_for):
    fund = actions.save_fund(Fund(organization=world.a, name="Quỹ"), actor=world.clerk_a)
    response = client_for(world.clerk_a).post(
        reverse("activities:contribution_create"),
        {"fund": fund.pk, "date": "2020-04-10", "amount_vnd": "mười triệu", "contributor": "Văn phòng"},
    )
    body = response.content.decode()
    assert response.status_code == 400 and "không phải là số nguyên" in body and 'value="mười triệu"' in body
    assert not Contribution.objects.exists()


def test_a_fund_of_another_agency_cannot_be_chosen(world, client_for):
    other = actions.save_fund(Fund(organization=world.b, name="Quỹ B"), actor=world.clerk_b)
    response = client_for(world.clerk_a).post(
        reverse("activities:contribution_create"),
        {"fund": other.pk, "date": "2020-04-10", "amount_vnd": "1000"},
    )
    assert response.status_code == 400 and not Contribution.objects.exists()


def test_staffing_with_decisions_and_reduction_pct(world, client_for):
    doc = Document.objects.create(
        organization=world.a,
        kind="QĐ",
        number="638",
        symbol="QĐ-UBND",
        subject="Giao biên chế",
        issued_on=D(2020, 3, 1),
    )
    client = client_for(world.head_a)
    response = client.post(
        reverse("activities:staffing_create"),
        {
            "organization": world.a.pk,
            "year": "2020",
            "civil_servant_quota": "28",
            "public_employee_quota": "28",
            "civil_servant_reduction": "4",
            "public_employee_reduction": "4",
            "decisions": [doc.pk],
        },
    )
    assert response.status_code == 302
    quota = StaffingQuota.objects.get()
    assert list(quota.decisions.all()) == [doc] and str(quota.reduction_pct) == "12.5"
    event = AuditEvent.objects.get(action=AuditAction.CREATE, object_id=str(quota.pk))
    assert event.changes["decisions"] == [None, ["Quyết định số 638/QĐ-UBND"]]
    page = client.get(reverse("activities:staffing_detail", args=[quota.uuid])).content.decode()
    assert "12,5%" in page


def test_staffing_year_is_unique_per_organisation(world, client_for):
    actions.save_staffing_quota(
        StaffingQuota(organization=world.a, year=2020, civil_servant_quota=1, public_employee_quota=1),
        actor=world.clerk_a,
    )
    response = client_for(world.clerk_a).post(
        reverse("activities:staffing_create"),
        {
            "organization": world.a.pk,
            "year": "2020",
            "civil_servant_quota": "2",
            "public_employee_quota": "2",
            "civil_servant_reduction": "0",
            "public_employee_reduction": "0",
        },
    )
    assert response.status_code == 400 and StaffingQuota.objects.count() == 1


def test_outsider_404_and_staff_read_only(world, client_for):
    campaign = actions.save_campaign(
        Campaign(
            organization=world.a_unit,
            topic="Covid-19",
            channel="agency_website",
            start=D(2020, 2, 1),
            articles=3,
        ),
        actor=world.clerk_a,
    )
    outsider = client_for(world.clerk_b)
    assert outsider.get(reverse("activities:campaign_detail", args=[campaign.uuid])).status_code == 404
    assert outsider.post(reverse("activities:campaign_delete", args=[campaign.uuid])).status_code == 404
    staff = client_for(world.staff_a)
    assert staff.get(reverse("activities:campaign_detail", args=[campaign.uuid])).status_code == 200
    assert staff.get(reverse("activities:campaign_edit", args=[campaign.uuid])).status_code == 404
    assert staff.post(reverse("activities:campaign_delete", args=[campaign.uuid])).status_code == 404
    assert Campaign.objects.exists()


def test_inspectors_cannot_change_activities(world, client_for):
    assert client_for(world.inspector_a).get(reverse("activities:campaign_create")).status_code == 404


def test_fund_with_contributions_cannot_be_deleted(world, client_for):
    fund = actions.save_fund(Fund(organization=world.a, name="Quỹ"), actor=world.clerk_a)
    actions.save_contribution(
        Contribution(fund=fund, date=D(2020, 1, 2), amount_vnd=1000), actor=world.clerk_a
    )
    response = client_for(world.clerk_a).post(
        reverse("activities:fund_delete", args=[fund.uuid]), follow=True
    )
    assert "hãy xóa các khoản đóng góp trước" in response.content.decode()
    assert Fund.objects.exists()


def test_campaign_import_csv_dry_run_and_commit(world, client_for):
    client = client_for(world.clerk_a)
    text = (
        "Chủ đề;Kênh;Từ ngày;Đến ngày;Số tin, bài;Số văn bản;Số băng rôn, pano\n"
        "Đại hội Đảng bộ tỉnh;Trang thông tin điện tử của cơ quan;1/5/2020;31/10/2020;72;19;2\n"
        "Phòng, chống dịch Covid-19;Trang thông tin điện tử của cơ quan;30/1/2020;14/12/2020;136;16;0\n"
    )
    response = client.post(reverse("activities:campaign_import"), {"file": csv_file(text), "action": "check"})
    assert response.status_code == 200 and not Campaign.objects.exists()
    response = client.post(
        reverse("activities:campaign_import"), {"token": response.context["token"], "action": "commit"}
    )
    assert response.status_code == 302
    assert sorted(Campaign.objects.values_list("articles", flat=True)) == [72, 136]


def test_contribution_import_fails_whole_on_one_bad_amount(world, client_for):
    actions.save_fund(Fund(organization=world.a, name="Quỹ An sinh xã hội"), actor=world.clerk_a)
    client = client_for(world.clerk_a)
    text = (
        "Tên quỹ,Ngày,Số tiền (đồng)\n"
        "Quỹ An sinh xã hội,10/4/2020,5.000.000\n"
        "Quỹ An sinh xã hội,20/7/2020,4,693\n"
        "Quỹ không có,20/7/2020,1.000\n"
    )
    response = client.post(
        reverse("activities:contribution_import"), {"file": csv_file(text), "action": "check"}
    )
    assert response.status_code == 400
    errors = [(e.row, e.column) for e in response.context["result"].errors]
    assert (4, "Tên quỹ") in errors
    assert not Contribution.objects.exists()


def test_a_forged_commit_token_writes_nothing(world, client_for):
    response = client_for(world.clerk_a).post(
        reverse("activities:campaign_import"), {"token": "x" * 32, "action": "commit"}, follow=True
    )
    assert "hết hạn" in response.content.decode() and not Campaign.objects.exists()


def test_lists_take_a_fixed_number_of_queries(world, client_for, django_assert_max_num_queries):
    client = client_for(world.clerk_a)
    for i in range(3):
        fund = actions.save_fund(Fund(organization=world.a, name=f"Quỹ {i}"), actor=world.clerk_a)
        actions.save_contribution(
            Contribution(fund=fund, date=D(2020, 1, 2), amount_vnd=1000), actor=world.clerk_a
        )
        actions.save_staffing_quota(
            StaffingQuota(
                organization=world.a, year=2015 + i, civil_servant_quota=1, public_employee_quota=1
            ),
            actor=world.clerk_a,
        )
    for name in ("fund", "contribution", "staffing", "procedure", "campaign", "activity", "duty"):
        client.get(reverse(f"activities:{name}_list"))
        with django_assert_max_num_queries(9):
            assert client.get(reverse(f"activities:{name}_list")).status_code == 200


def test_export_every_register(world, client_for):
    actions.save_campaign(
        Campaign(organization=world.a, topic="@SUM(A1)", channel="press", start=D(2020, 2, 1)),
        actor=world.clerk_a,
    )
    client = client_for(world.clerk_a)
    sheet = load_workbook(io.BytesIO(client.get(reverse("activities:campaign_export")).content)).active
    assert sheet["A2"].value == "'@SUM(A1)"
    for name in ("fund", "contribution", "staffing", "procedure", "activity", "duty"):
        assert client.get(reverse(f"activities:{name}_export")).status_code == 200
        assert client.get(reverse(f"activities:{name}_template")).status_code == 200


def test_index(world, client_for):
    page = client_for(world.clerk_a).get(reverse("activities:index")).content.decode()
    assert "Thủ tục hành chính" in page and "Biên chế" in page
