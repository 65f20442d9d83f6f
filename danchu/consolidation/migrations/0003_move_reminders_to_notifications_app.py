"""The report reminders move to the one notifications app (danchu/notifications): the request
as target, the agency as organisation, the kind read from the stored text."""

from django.db import migrations
from django.urls import NoReverseMatch, reverse

KINDS = [
    ("Yêu cầu báo cáo mới", "consolidation.request_issued"),
    ("Đã quá hạn gửi báo cáo", "consolidation.reminder_overdue"),
    ("Nhắc gửi báo cáo", "consolidation.reminder"),
]


def _kind(message):
    for start, kind in KINDS:
        if message.startswith(start):
            return kind
    return "consolidation.returned" if " bị trả lại: " in message else "consolidation.reminder"


def forward(apps, schema_editor):
    Reminder = apps.get_model("consolidation", "Reminder")
    New = apps.get_model("notifications", "Notification")
    ContentType = apps.get_model("contenttypes", "ContentType")
    request_type, _created = ContentType.objects.get_or_create(app_label="consolidation", model="reportrequest")
    rows = []
    for r in Reminder.objects.select_related("request", "organization", "user").iterator():
        try:
            url = reverse("consolidation:agency", kwargs={"uuid": r.request.uuid, "org": r.organization.uuid})
        except NoReverseMatch:
            url = ""
        rows.append(
            New(
                user_id=r.user_id,
                address=r.user.email if r.emailed else "",
                kind=_kind(r.message),
                message=r.message,
                url=url,
                target_type=request_type,
                target_id=r.request_id,
                organization_id=r.organization_id,
                actor_id=r.sent_by_id,
                created_at=r.created_at,
                read_at=r.read_at,
                email_state="sent" if r.emailed else "",
            )
        )
    New.objects.bulk_create(rows, batch_size=500)


def backward(apps, schema_editor):
    Reminder = apps.get_model("consolidation", "Reminder")
    New = apps.get_model("notifications", "Notification")
    for n in New.objects.filter(kind__startswith="consolidation.", user__isnull=False, target_id__isnull=False):
        Reminder.objects.create(
            request_id=n.target_id,
            organization_id=n.organization_id,
            user_id=n.user_id,
            message=n.message,
            sent_by_id=n.actor_id,
            emailed=n.email_state == "sent",
            read_at=n.read_at,
        )
    New.objects.filter(kind__startswith="consolidation.").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("consolidation", "0002_submission_correction_reason"),
        ("notifications", "0001_notification"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
        migrations.DeleteModel(name="Reminder"),
    ]
