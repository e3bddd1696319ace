"""Django admin for administrators: users and their roles, teams, the authority's settings.

Every change made here is written to the audit log as well as Django's own admin history.
The audit log itself is shown read-only.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.cache import cache
from django.http import HttpRequest

from lookedafter.web.register import audit
from lookedafter.web.register.models import (
    AuditAction,
    AuditEvent,
    AuthorityProfile,
    ChildAccessGrant,
    ClosureDay,
    LocalTimescale,
    SchoolTerm,
    StaffProfile,
    Team,
    Worker,
)


class AuditedAdmin(admin.ModelAdmin):
    """Writes an audit event for every save and delete."""

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        cache.delete("timescale-policy")  # settings changed: this process re-reads them now
        audit.record(
            request,
            request.user,
            AuditAction.WRITE,
            f"admin {'change' if change else 'add'} {obj._meta.model_name}",
            detail={"pk": obj.pk, "object": str(obj)[:200]},
        )

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        audit.record(
            request,
            request.user,
            AuditAction.WRITE,
            f"admin delete {obj._meta.model_name}",
            detail={"pk": obj.pk, "object": str(obj)[:200]},
        )
        super().delete_model(request, obj)


class StaffInline(admin.StackedInline):
    model = StaffProfile
    can_delete = False
    verbose_name_plural = "role and team"


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin, AuditedAdmin):
    inlines = (StaffInline,)
    list_display = ("username", "first_name", "last_name", "is_active", "role")
    list_select_related = ("staff",)

    @admin.display(description="role")
    def role(self, obj: Any) -> str:
        staff = getattr(obj, "staff", None)
        return staff.get_role_display() if staff else "—"


@admin.register(Team)
class TeamAdmin(AuditedAdmin):
    list_display = ("team_id", "team_name", "service")
    search_fields = ("team_id", "team_name")


@admin.register(Worker)
class WorkerAdmin(AuditedAdmin):
    list_display = ("worker_id", "worker_name", "team_id", "role", "fte", "agency", "leave_date")
    list_filter = ("role", "agency")
    search_fields = ("worker_id", "worker_name", "team_id")


@admin.register(AuthorityProfile)
class AuthorityAdmin(AuditedAdmin):
    list_display = ("la_name", "la_code")
    readonly_fields = ("epoch",)


@admin.register(ClosureDay)
class ClosureDayAdmin(AuditedAdmin):
    list_display = ("day", "description")


@admin.register(SchoolTerm)
class SchoolTermAdmin(AuditedAdmin):
    list_display = ("name", "start", "end")


@admin.register(LocalTimescale)
class LocalTimescaleAdmin(AuditedAdmin):
    list_display = ("setting", "value", "note")


@admin.register(ChildAccessGrant)
class ChildAccessGrantAdmin(AuditedAdmin):
    list_display = ("child", "user", "reason", "granted_at")
    raw_id_fields = ("child", "user")


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("at", "username", "role", "ip", "action", "what", "child")
    list_filter = ("action", "role")
    search_fields = ("username", "child", "what")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
