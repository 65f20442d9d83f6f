from django.contrib import admin

from .models import Membership, Organization, Person, ReportingPeriod, RoleAssignment


@admin.register(Organization)
class OrganizationAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "short_name", "kind", "parent", "valid_from", "valid_to")
    list_filter = ("kind",)
    search_fields = ("code", "name", "short_name")


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    search_fields = ("full_name", "email")


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ("person", "organization", "position", "staff_category", "is_party_member")
    list_filter = ("staff_category", "is_party_member")
    search_fields = ("person__full_name", "organization__name")
    list_select_related = ("person", "organization")


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "organization")
    list_filter = ("role",)


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "start", "end", "cutoff_start", "cutoff_end")
