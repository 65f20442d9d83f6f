import pytest

from danchu.audit.models import AuditAction, AuditEvent
from danchu.audit.trail import diff, history_for, record, record_create, snapshot


def test_create_records_every_field(world):
    event = record_create(world.a, world.admin)
    assert event.action == AuditAction.CREATE
    assert event.changes["name"] == [None, "Sở A"]
    assert event.actor_name == "admin"


def test_update_records_old_and_new_values(world):
    before = snapshot(world.a)
    world.a.name = "Sở A mới"
    world.a.save()
    record(
        world.a, AuditAction.UPDATE, world.admin, changes=diff(before, snapshot(world.a)), reason="đổi tên"
    )
    event = history_for(world.a).get()
    assert event.changes == {"name": ["Sở A", "Sở A mới"]}
    assert event.reason == "đổi tên"


def test_secret_fields_are_never_written(world):
    event = record(
        world.a,
        AuditAction.UPDATE,
        world.admin,
        changes={"name": ["Nguyễn Văn A", "Trần Văn B"]},
        secret_fields=["name"],
    )
    assert "Nguyễn" not in str(event.changes)


def test_events_are_append_only(world):
    event = record_create(world.a, world.admin)
    event.reason = "sửa lịch sử"
    with pytest.raises(ValueError):
        event.save()
    with pytest.raises(ValueError):
        event.delete()
    assert AuditEvent.objects.get(pk=event.pk).reason == ""


def test_admin_edits_are_audited(world, client):
    world.admin.is_staff = world.admin.is_superuser = True
    world.admin.save()
    client.force_login(world.admin)
    response = client.post(
        f"/quan-tri/orgs/organization/{world.b.pk}/change/",
        {
            "code": "TV.B",
            "name": "Sở B (đổi tên)",
            "short_name": "SB",
            "kind": "department",
            "parent": world.tv.pk,
            "place_name": "Trà Vinh",
            "staff_required_conference": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    event = history_for(world.b).get()
    assert event.changes["name"] == ["Sở B", "Sở B (đổi tên)"]
