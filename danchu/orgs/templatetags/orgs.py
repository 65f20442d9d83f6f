from django import template

from danchu.orgs.labels import org_label as _org_label

register = template.Library()


@register.filter
def org_label(org):
    """The one label of an organisation in a choice (danchu.orgs.labels.org_label)."""
    return _org_label(org) if org is not None else ""
