"""How an organisation is named in a dropdown: one function for every choice of an organisation.

Bodies with the same name (the Sở Nội vụ of Trà Vinh until 30/06/2025 and that of Vĩnh Long since
01/07/2025) are told apart by their parent and, for a body that ceased, the day it ceased:
"Sở Nội vụ — tỉnh Trà Vinh (đến 30/06/2025)", "Sở Nội vụ — tỉnh Vĩnh Long". People with the
same name in one dropdown are told apart the same way (`tell_people_apart`).
"""

import collections

from django import forms
from django.utils.translation import gettext as _

from danchu.core.fields import BoundedModelMultipleChoiceField

_PREFIXES = ("Ủy ban nhân dân ", "Uỷ ban nhân dân ", "UBND ")


def short_parent_name(org):
    """ "Ủy ban nhân dân tỉnh Vĩnh Long" -> "tỉnh Vĩnh Long"; other names as they are."""
    name = org.name
    for prefix in _PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def org_label(org):
    """The label of `org` in every organisation dropdown (needs `parent` selected, see
    `OrgChoiceField`, or costs one query)."""
    label = org.name
    if org.parent_id:
        label = f"{label} — {short_parent_name(org.parent)}"
    if org.valid_to:
        label = _("%(label)s (đến %(day)s)") % {"label": label, "day": org.valid_to.strftime("%d/%m/%Y")}
    return label


class _OrgLabelMixin:
    def _set_queryset(self, queryset):
        if queryset is not None and queryset.model.__name__ == "Organization":
            queryset = queryset.select_related("parent")
        super()._set_queryset(queryset)

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)

    def label_from_instance(self, obj):
        return org_label(obj)


class OrgChoiceField(_OrgLabelMixin, forms.ModelChoiceField):
    """A dropdown of organisations labelled with `org_label`."""


class OrgMultipleChoiceField(_OrgLabelMixin, BoundedModelMultipleChoiceField):
    """Several organisations labelled with `org_label`; an overflowing id is a form error."""


def label_org_fields(form):
    """Give every organisation field of `form` the one label (for ModelForms whose fields Django
    made): call at the end of the form's __init__."""
    from .models import Organization

    for field in form.fields.values():
        if isinstance(field, forms.ModelChoiceField) and field.queryset is not None:
            if field.queryset.model is Organization:
                field.queryset = field.queryset.select_related("parent")
                field.label_from_instance = org_label


def tell_people_apart(field, describe):
    """Label the choices of `field` (a dropdown of people or of memberships) with `describe(obj)`,
    and where two choices would read the same (two Nguyễn Văn Bình, chuyên viên, at one agency
    after a merger) add what tells them apart: the e-mail, else the phone, else the other bodies
    the person belongs or belonged to, and the person's number in the staff list if they still
    read the same. Call once the field's queryset is set. The labels are worked out once per form,
    in one query, two when some choices read the same."""
    state = {}

    def label(obj):
        if "labels" not in state:
            state["labels"] = _distinct_labels(list(field.queryset), describe)
        return state["labels"].get(obj.pk) or describe(obj)

    field.label_from_instance = label


def _distinct_labels(choices, describe):
    from .models import Membership

    def person_of(obj):
        return getattr(obj, "person", obj)

    labels = {obj.pk: describe(obj) for obj in choices}
    counts = collections.Counter(labels.values())
    same = [obj for obj in choices if counts[labels[obj.pk]] > 1]
    if not same:
        return labels
    elsewhere = collections.defaultdict(list)
    for m in (
        Membership.objects.filter(person__in=[person_of(obj) for obj in same])
        .select_related("organization__parent")
        .order_by("start", "pk")
    ):
        elsewhere[m.person_id].append(m)
    for obj in same:
        person = person_of(obj)
        own = getattr(obj, "organization_id", None)
        bodies = [org_label(m.organization) for m in elsewhere[person.pk] if m.organization_id != own]
        detail = person.email or person.phone or ", ".join(dict.fromkeys(bodies))
        labels[obj.pk] = f"{labels[obj.pk]} · {detail}" if detail else labels[obj.pk]
    counts = collections.Counter(labels.values())
    for obj in same:
        if counts[labels[obj.pk]] > 1:
            number = _("số %(number)s trong danh sách cán bộ") % {"number": person_of(obj).pk}
            labels[obj.pk] = f"{labels[obj.pk]} · {number}"
    return labels
