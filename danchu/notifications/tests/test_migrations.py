"""The data migrations of issue 16: the old reminders and counters land in the new models."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [
    ("core", "0001_throttle_counters"),
    ("orgs", "0004_org_has_internal_site"),
    ("notifications", "0001_notification"),
    ("petitions", "0007_merge_external_code_and_search"),
    ("consolidation", "0002_submission_correction_reason"),
    ("reporting", "0003_snapshot_taken_at_signing"),
    ("participation", "0004_sealed_secret_ballots"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def _leaves():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_old_reminders_and_counters_move_to_the_new_models():
    leaves = _leaves()
    try:
        old = _migrate(BEFORE)
        User = old.get_model("auth", "User")
        Organization = old.get_model("orgs", "Organization")
        org = Organization.objects.create(code="X", name="Sở X", kind="department", path="X/")
        user = User.objects.create(username="xuly", email="xuly@example.vn")
        Petition = old.get_model("petitions", "Petition")
        petition = Petition.objects.create(
            organization=org, reference="ĐT-2026-0007", received_on=datetime.date(2026, 1, 5), subject="Đường"
        )
        old.get_model("petitions", "Notification").objects.create(
            user=user,
            petition=petition,
            kind="overdue",
            due=datetime.date(2026, 2, 1),
            message="Đơn ĐT-2026-0007 quá hạn từ 01/02/2026: Đường",
            emailed=True,
        )
        old.get_model("petitions", "ReferenceCounter").objects.create(organization=org, year=2026, last=7)
        old.get_model("reporting", "NumberSequence").objects.create(
            organization=org, year=2020, kind="BC", last=12
        )
        Period = old.get_model("orgs", "ReportingPeriod")
        period = Period.objects.create(
            code="2020",
            name="Năm 2020",
            year=2020,
            start=datetime.date(2020, 1, 1),
            end=datetime.date(2020, 12, 31),
            cutoff_start=datetime.date(2019, 12, 15),
            cutoff_end=datetime.date(2020, 12, 14),
        )
        request = old.get_model("consolidation", "ReportRequest").objects.create(
            requesting_org=org,
            reference="12/YC",
            issued_on=datetime.date(2020, 11, 5),
            title="Báo cáo năm",
            period=period,
            data_start=datetime.date(2019, 12, 15),
            data_end=datetime.date(2020, 12, 14),
            deadline=datetime.date(2020, 11, 13),
        )
        old.get_model("consolidation", "Reminder").objects.create(
            request=request,
            organization=org,
            user=user,
            message="Nhắc gửi báo cáo theo 12/YC, hạn 13/11/2020.",
            read_at=timezone.now(),
        )
        requirement = old.get_model("legal", "Requirement").objects.filter(area="disclosure").first()
        old.get_model("participation", "Disclosure").objects.create(
            organization=org,
            reference="CK-2026-004",
            title="Kế hoạch",
            decided_on=datetime.date(2026, 1, 2),
            requirement=requirement,
            framework=requirement.framework,
        )

        new = _migrate(leaves)
        Notification = new.get_model("notifications", "Notification")
        moved = {n.kind: n for n in Notification.objects.all()}
        assert set(moved) == {"petitions.overdue", "consolidation.reminder"}
        p = moved["petitions.overdue"]
        assert (p.user_id, p.target_id, p.due, p.email_state) == (
            user.pk,
            petition.pk,
            datetime.date(2026, 2, 1),
            "sent",
        )
        assert p.once_key == f"petitions:{petition.pk}:petitions.overdue:2026-02-01" and p.read_at is None
        c = moved["consolidation.reminder"]
        assert (c.target_id, c.organization_id, c.email_state) == (request.pk, org.pk, "")
        assert c.read_at is not None and c.url.endswith(f"/co-quan/{org.uuid}/")
        Sequence = new.get_model("core", "Sequence")
        assert set(Sequence.objects.values_list("kind", "year", "last")) == {
            ("petition", 2026, 7),
            ("document:BC", 2020, 12),
            ("disclosure", 2026, 4),
        }
    finally:
        _migrate(leaves)
