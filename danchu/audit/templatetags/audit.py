from django import template
from django.core.exceptions import FieldDoesNotExist

from danchu.audit.trail import history_for

register = template.Library()


def _displayer(model, events):
    """A function (field name, stored value) -> what a person reads: choice labels instead of
    codes, the related record instead of its id (one query per related model, not per row)."""
    fields, wanted = {}, {}
    for event in events:
        for name in event.changes or {}:
            try:
                fields[name] = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            field = fields[name]
            if field.is_relation and field.many_to_one:
                values = event.changes[name]
                ids = wanted.setdefault(field.related_model, set())
                ids.update(v for v in values if v not in (None, "", "***"))
    related = {
        rel_model: rel_model._default_manager.in_bulk([i for i in ids if str(i).isdigit()])
        for rel_model, ids in wanted.items()
    }

    def show(name, value):
        field = fields.get(name)
        if field is None or value is None:
            return value
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        if field.is_relation and field.many_to_one:
            obj = related.get(field.related_model, {}).get(int(value)) if str(value).isdigit() else None
            return str(obj) if obj is not None else value
        if isinstance(value, bool):
            return "có" if value else "không"
        return value

    return show


@register.inclusion_tag("audit/_history.html")
def history(instance):
    """The change history of a record, for its detail page."""
    events = list(history_for(instance)[:200])
    show = _displayer(type(instance), events)
    labels = {}
    for field in instance._meta.concrete_fields:
        labels[field.name] = str(field.verbose_name)
    for event in events:
        event.rows = [
            (labels.get(k, k), show(k, v[0]), show(k, v[1]))
            for k, v in (event.changes or {}).items()
            if isinstance(v, list) and len(v) == 2
        ]
    return {"events": events}
