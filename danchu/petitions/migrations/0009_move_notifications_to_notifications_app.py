"""The petitions' in-app reminders move to the one notifications app (danchu/notifications):
kind "petitions.<kind>", the case as target, the once-per-deadline rule as `once_key`."""

from django.db import migrations
from django.urls import NoReverseMatch, reverse


def forward(apps, schema_editor):
    Old = apps.get_model("petitions", "Notification")
    New = apps.get_model("notifications", "Notification")
    ContentType = apps.get_model("contenttypes", "ContentType")
    petition_type, _created = ContentType.objects.get_or_create(app_label="petitions", model="petition")
    rows = []
    for n in Old.objects.select_related("petition", "user").iterator():
        try:
            url = reverse("petitions:detail", args=[n.petition.uuid])
        except NoReverseMatch:
            url = ""
        rows.append(
            New(
                user_id=n.user_id,
                address=n.user.email if n.emailed else "",
                kind=f"petitions.{n.kind}",
                message=n.message,
                url=url,
                target_type=petition_type,
                target_id=n.petition_id,
                organization_id=n.petition.organization_id,
                due=n.due,
                once_key=f"petitions:{n.petition_id}:petitions.{n.kind}:{n.due.isoformat()}",
                created_at=n.created_at,
                read_at=n.read_at,
                email_state="sent" if n.emailed else "",
            )
        )
    New.objects.bulk_create(rows, batch_size=500)


def backward(apps, schema_editor):
    Old = apps.get_model("petitions", "Notification")
    New = apps.get_model("notifications", "Notification")
    for n in New.objects.filter(kind__startswith="petitions.", target_id__isnull=False, user__isnull=False):
        Old.objects.get_or_create(
            user_id=n.user_id,
            petition_id=n.target_id,
            kind=n.kind.removeprefix("petitions."),
            due=n.due,
            defaults={
                "message": n.message[:400],
                "created_at": n.created_at,
                "read_at": n.read_at,
                "emailed": n.email_state == "sent",
            },
        )
    New.objects.filter(kind__startswith="petitions.").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0008_move_reference_counters_to_core_sequence"),
        ("notifications", "0001_notification"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.RemoveConstraint(model_name="notification", name="petition_notification_once_per_deadline"),
        migrations.DeleteModel(name="Notification"),
    ]
