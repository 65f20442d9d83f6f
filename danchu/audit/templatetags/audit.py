from django import template

from danchu.audit.trail import history_for

register = template.Library()


@register.inclusion_tag("audit/_history.html")
def history(instance, labels=None):
    """The change history of a record, for its detail page."""
    events = list(history_for(instance)[:200])
    field_labels = {}
    for field in instance._meta.concrete_fields:
        field_labels[field.name] = str(field.verbose_name)
    for event in events:
        event.rows = [
            (field_labels.get(k, k), v[0], v[1])
            for k, v in (event.changes or {}).items()
            if isinstance(v, list) and len(v) == 2
        ]
    return {"events": events}
