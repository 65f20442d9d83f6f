from django.contrib import admin

from danchu.audit.admin import AuditedAdmin

from .models import IndicatorOverride


@admin.register(IndicatorOverride)
class IndicatorOverrideAdmin(AuditedAdmin):
    """Hand-entered figures, for the system admin to review; clerks enter them on the report page."""

    list_display = ("organization", "period", "code", "value", "entered_by", "entered_at")
    list_filter = ("period",)
    search_fields = ("code", "organization__name", "reason")

    def has_add_permission(self, request):
        return False
