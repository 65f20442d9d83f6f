"""Recompute the stored deadlines of running cases with the corrected law (issue 13): the 2026
New Year swap (received 02–09/01/2026: one working day earlier), sending a complaint's decision
counted from the decision, denunciation extensions counted from acceptance. Finished cases keep
their dates; only the internal marker "(cần kiểm tra)" is removed from their stored bases."""

from django.db import migrations

MARKER = " (cần kiểm tra)"
RUNNING = ["received", "classified", "accepted", "suspended"]
FIELDS = ["deadline_steps", "accept_due", "resolve_due", "send_due", "next_due"]


def recompute(apps, schema_editor):
    from danchu.legal import calendar, deadlines
    from danchu.petitions.actions import refresh_deadlines

    calendar.clear_cache()
    deadlines.clear_cache()
    Petition = apps.get_model("petitions", "Petition")
    for p in Petition.objects.iterator(chunk_size=500):
        running = p.status in RUNNING or (p.status == "resolved" and p.kind == "complaint")
        if running:
            try:
                refresh_deadlines(p)
            except ValueError:
                continue  # inconsistent dates: left as they were for a person to look at
        else:
            for step in p.deadline_steps or []:
                if isinstance(step.get("basis"), str):
                    step["basis"] = step["basis"].replace(MARKER, "")
        Petition.objects.filter(pk=p.pk).update(**{f: getattr(p, f) for f in FIELDS})


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0003_decision_sending_deadline"),
        ("legal", "0004_law_2026_rules_and_calendar"),
    ]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
