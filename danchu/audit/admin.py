from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import AuditAction, AuditEvent
from .trail import diff, record, snapshot


class AuditedAdmin(admin.ModelAdmin):
    """A ModelAdmin whose saves and deletes write the same audit rows as the action functions."""

    def save_model(self, request, obj, form, change):
        before = snapshot(type(obj).objects.get(pk=obj.pk)) if change and obj.pk else {}
        super().save_model(request, obj, form, change)
        changes = diff(before, snapshot(obj))
        if changes or not change:
            record(
                obj,
                AuditAction.UPDATE if change else AuditAction.CREATE,
                request.user,
                changes=changes,
                verb="quản trị hệ thống",
            )

    def delete_model(self, request, obj):
        record(
            obj, AuditAction.DELETE, request.user, changes=diff(snapshot(obj), {}), verb="quản trị hệ thống"
        )
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("at", "actor_name", "action", "verb_display", "object_repr", "organization")
    list_filter = ("action", "content_type")
    search_fields = ("object_repr", "actor_name", "reason", "verb")

    @admin.display(description=_("mô tả"))
    def verb_display(self, obj):
        return obj.verb_text

    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
