"""System admins configure each province's scoring scheme for a year here (LEGAL.md §9):
criteria with sub-criteria and maximum points, the bonus, the grade bands. Agencies self-assess
and officers score in the app's own pages."""

from django.contrib import admin

from danchu.audit.admin import AuditedAdmin

from .models import Criterion, GradeBand, ScoringScheme


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 1
    fields = ("number", "label", "max_points", "parent", "order")


class GradeBandInline(admin.TabularInline):
    model = GradeBand
    extra = 1


@admin.register(ScoringScheme)
class ScoringSchemeAdmin(AuditedAdmin):
    list_display = ("name", "province", "year", "bonus_max", "self_assessment_open")
    list_filter = ("year",)
    search_fields = ("name",)
    inlines = [CriterionInline, GradeBandInline]
