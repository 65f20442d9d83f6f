"""Form fields that never let a bad number reach the database."""

from django import forms
from django.core.exceptions import ValidationError

from .params import int_or_none


class BoundedModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django queries `pk__in` with whatever was posted: 99999999999999999999 overflows SQLite
    and PostgreSQL (a 500). An integer primary key that is not ASCII digits within range is
    refused here with the field's own Vietnamese message."""

    def _check_values(self, value):
        pk = self.queryset.model._meta.pk
        if not self.to_field_name and pk.get_internal_type() in ("AutoField", "BigAutoField", "IntegerField"):
            for v in value:
                if int_or_none(v, 1, 2**63 - 1) is None:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": v}
                    )
        return super()._check_values(value)
