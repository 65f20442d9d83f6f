"""A register's form: a ModelForm over the declared fields, with the organisation and related
records limited to what the user may change, dates as date inputs, money typed the Vietnamese way
(41.250.000) and numbers bounded by their column."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from danchu.core.fields import BoundedModelMultipleChoiceField
from danchu.orgs.labels import label_org_fields
from danchu.orgs.models import Organization

from .. import imports, stale, vnformat


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class VNIntegerField(forms.CharField):
    """An integer typed the Vietnamese way: 41.250.000 or 41250000. Left empty it is `default`."""

    def __init__(self, *args, min_value=0, max_value=None, default=None, **kwargs):
        self.min_value = min_value
        self.max_value = max_value
        self.default = default
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "numeric"}))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return self.default
        number = imports.parse_integer(value)
        if self.min_value is not None and number < self.min_value:
            raise ValidationError(_("Không được là số âm."))
        if self.max_value is not None and number > self.max_value:
            raise ValidationError(_("Số quá lớn: tối đa %(max)s.") % {"max": vnformat.number(self.max_value)})
        return number

    def prepare_value(self, value):
        if isinstance(value, int):
            return vnformat.number(value)
        return value


def _bound_integer(form_field, model_field):
    """A number beyond what the column holds is a form error naming the maximum, never an
    OverflowError from the database (a uniqueness check queries with the value as typed)."""
    _low, high = BaseDatabaseOperations.integer_field_ranges.get(
        model_field.get_internal_type(), (None, None)
    )
    if high is None:
        return
    if isinstance(form_field, VNIntegerField):
        form_field.max_value = high if form_field.max_value is None else min(high, form_field.max_value)
    elif isinstance(form_field, forms.IntegerField):
        form_field.max_value = high if form_field.max_value is None else min(high, form_field.max_value)
        form_field.validators.append(MaxValueValidator(form_field.max_value))
        form_field.widget.attrs.setdefault("max", form_field.max_value)


class RegisterForm(forms.ModelForm):
    """A register's form: organisation and related records limited to what the user may change."""

    # field name -> the path from that field's model to its organisation
    scopes = {}

    def __init__(self, *args, request=None, register=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        orgs = register.change_orgs(request) if request is not None else Organization.objects.none()
        for name, form_field in self.fields.items():
            model_field = self._meta.model._meta.get_field(name) if name in self._meta.fields else None
            if isinstance(model_field, models.IntegerField) and not isinstance(model_field, models.AutoField):
                _bound_integer(form_field, model_field)
            if type(form_field) is forms.ModelMultipleChoiceField:
                # The same field, but an overflowing id posted is a form error, not a 500.
                form_field.__class__ = BoundedModelMultipleChoiceField
            if isinstance(model_field, models.DateField):
                form_field.widget = DateInput()
                form_field.input_formats = ["%Y-%m-%d", "%d/%m/%Y"]
            if isinstance(form_field, forms.ModelChoiceField) and not isinstance(
                form_field, forms.ModelMultipleChoiceField
            ):
                form_field.empty_label = _("— Chọn —")
            elif isinstance(form_field, forms.ChoiceField) and form_field.choices:
                form_field.choices = [
                    ("", _("— Chọn —")) if value == "" else (value, label)
                    for value, label in form_field.choices
                ]
            if name == "organization":
                form_field.queryset = self.limit_organizations(orgs)
            elif name in self.scopes:
                form_field.queryset = form_field.queryset.filter(**{f"{self.scopes[name]}__in": orgs})
        label_org_fields(self)
        if self.instance.pk is not None:
            # The version the form was opened on; save_record refuses if the record changed since.
            self.fields[stale.VERSION_FIELD] = forms.CharField(
                required=False, widget=forms.HiddenInput, initial=stale.version_of(self.instance)
            )
        if "organization" in self.fields and not self.instance.pk and request is not None:
            if self.fields["organization"].queryset.filter(pk=request.org.pk).exists():
                self.fields["organization"].initial = request.org.pk

    def limit_organizations(self, orgs):
        return orgs.order_by("path")


def formfield(model_field, **kwargs):
    """A money column (`*_vnd` integer) is typed the Vietnamese way; left empty it takes the
    column's default; every other field is Django's."""
    if isinstance(model_field, models.IntegerField) and model_field.name.endswith("_vnd"):
        has_default = model_field.has_default()
        return VNIntegerField(
            label=kwargs.get("label") or capfirst(model_field.verbose_name),
            required=not (model_field.blank or has_default),
            help_text=kwargs.get("help_text", model_field.help_text),
            default=model_field.get_default() if has_default else None,
        )
    return model_field.formfield(**kwargs)


def form_for(register):
    """The form class of a register declared by its fields (`fields`, `scopes`, `form_base`,
    `widgets`, `help_texts`)."""
    base = register.form_base or RegisterForm
    return forms.modelform_factory(
        register.model,
        form=type(
            f"{register.model.__name__}Form",
            (base,),
            {"scopes": {**base.scopes, **register.scopes}, "__module__": base.__module__},
        ),
        fields=list(register.fields),
        widgets=register.widgets or None,
        help_texts=register.help_texts or None,
        formfield_callback=formfield,
    )
