from django.contrib import admin

from danchu.audit.trail import snapshot
from danchu.core import transactions

from . import actions
from .forms import CalendarOverrideForm
from .models import CalendarOverride, CalendarYear, DeadlineRule, Requirement


class ActionsAdmin(admin.ModelAdmin):
    """The admin saves and deletes through the actions (save_model, delete_model). Its form and
    delete views run in a transaction of their own (with its LogEntry), which owns the actions'
    changes: a batch (core/transactions.py), so the actions nest in it instead of refusing it."""

    def changeform_view(self, *args, **kwargs):
        with transactions.batch():
            return super().changeform_view(*args, **kwargs)

    def delete_view(self, *args, **kwargs):
        with transactions.batch():
            return super().delete_view(*args, **kwargs)


@admin.register(CalendarOverride)
class CalendarOverrideAdmin(ActionsAdmin):
    list_display = ("date", "kind", "name", "basis", "basis_date", "created_by", "created_at")
    list_filter = ("kind",)
    search_fields = ("name", "basis")
    date_hierarchy = "date"
    fields = ("date", "kind", "name", "basis", "basis_date")

    def has_change_permission(self, request, obj=None):
        return False  # remove and add again: every change is one audited action

    form = CalendarOverrideForm

    def save_model(self, request, obj, form, change):
        saved = actions.add_calendar_override(
            date=obj.date,
            kind=obj.kind,
            name=obj.name,
            basis=obj.basis,
            basis_date=obj.basis_date,
            actor=request.user,
        )
        obj.pk = saved.pk

    def delete_model(self, request, obj):
        actions.remove_calendar_override(obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            actions.remove_calendar_override(obj, actor=request.user)


@admin.register(CalendarYear)
class CalendarYearAdmin(ActionsAdmin):
    """Read-only here: a year is confirmed on the page Lịch làm việc (one audited action)."""

    list_display = ("year", "confirmed", "basis", "confirmed_by", "confirmed_at")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        actions.withdraw_calendar_year(obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            actions.withdraw_calendar_year(obj, actor=request.user)


@admin.register(DeadlineRule)
class DeadlineRuleAdmin(ActionsAdmin):
    list_display = (
        "kind",
        "step",
        "variant",
        "days",
        "day_kind",
        "counted_from",
        "applies_from",
        "applies_to",
        "needs_check",
        "basis",
        "source",
    )
    list_filter = ("kind", "step", "day_kind", "needs_check")
    search_fields = ("basis",)

    def save_model(self, request, obj, form, change):
        before = snapshot(DeadlineRule.objects.get(pk=obj.pk)) if change else None
        actions.save_deadline_rule(obj, actor=request.user, before=before)

    def delete_model(self, request, obj):
        actions.delete_deadline_rule(obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            actions.delete_deadline_rule(obj, actor=request.user)


@admin.register(Requirement)
class RequirementAdmin(admin.ModelAdmin):
    list_display = ("framework", "area", "code", "order", "title", "basis")
    list_filter = ("framework", "area")
    search_fields = ("title", "basis")
    filter_horizontal = ("successors",)
