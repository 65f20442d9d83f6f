from django.contrib import admin

from danchu.audit.admin import AuditedAdmin

from .models import Membership, Organization, Person, ReportingPeriod, RoleAssignment


@admin.register(Organization)
class OrganizationAdmin(AuditedAdmin):
    list_display = ("code", "name", "short_name", "kind", "parent", "valid_from", "valid_to")
    list_filter = ("kind",)
    search_fields = ("code", "name", "short_name")


@admin.register(Person)
class PersonAdmin(AuditedAdmin):
    search_fields = ("full_name", "email")


@admin.register(Membership)
class MembershipAdmin(AuditedAdmin):
    list_display = ("person", "organization", "position", "staff_category", "is_party_member")
    list_filter = ("staff_category", "is_party_member")
    search_fields = ("person__full_name", "organization__name")
    list_select_related = ("person", "organization")


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(AuditedAdmin):
    list_display = ("user", "role", "organization")
    list_filter = ("role",)


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(AuditedAdmin):
    list_display = ("code", "name", "kind", "start", "end", "cutoff_start", "cutoff_end")
