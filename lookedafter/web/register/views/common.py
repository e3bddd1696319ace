"""What every view shares: the sign-in guard and the navigation."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

from lookedafter.web.register.models import ROLES_NEEDING_OTP, Role

View = Callable[..., HttpResponse]


def needs_otp(user: Any) -> bool:
    staff = getattr(user, "staff", None)
    return bool(staff and staff.role in ROLES_NEEDING_OTP)


def staff_required(*roles: str) -> Callable[[View], View]:
    """Signed in, with a staff profile, second factor verified where the role needs one, and
    (when ``roles`` are given) holding one of them."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("register-login"))
            staff = getattr(user, "staff", None)
            if staff is None:
                raise PermissionDenied("Your account has no role in this service")
            if needs_otp(user) and not user.is_verified():
                return redirect(f"{reverse('register-verify')}?next={request.get_full_path()}")
            if roles and staff.role not in roles:
                raise PermissionDenied("Your role cannot use this page")
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


NAV: dict[str, list[tuple[str, str]]] = {
    Role.SOCIAL_WORKER: [("register-my-children", "My children"), ("register-children", "Team")],
    Role.TEAM_MANAGER: [
        ("register-team", "Team worklist"),
        ("register-caseloads", "Caseloads"),
        ("register-children", "Children"),
    ],
    Role.IRO: [("register-iro", "My reviews")],
    Role.QA_AUDITOR: [("register-children", "Children"), ("register-audit-log", "Audit log")],
    Role.ANALYST: [
        ("register-dashboard", "Dashboard"),
        ("register-returns", "903 returns"),
        ("register-children", "Children"),
    ],
    Role.SENIOR_LEADER: [("register-dashboard", "Dashboard"), ("register-children", "Children")],
    Role.ADMIN: [("register-children", "Children"), ("register-audit-log", "Audit log")],
}


def nav_items(request: HttpRequest) -> list[dict[str, Any]]:
    staff = getattr(getattr(request, "user", None), "staff", None)
    if staff is None:
        return []
    items = []
    for name, text in NAV.get(staff.role, []):
        href = reverse(name)
        items.append({"href": href, "text": text, "current": request.path == href})
    if staff.role == Role.ADMIN:
        items.append({"href": reverse("admin:index"), "text": "Administration", "current": False})
    return items


def query_text(request: HttpRequest, name: str, limit: int) -> str:
    """A free-text query-string value, trimmed, at most ``limit`` characters, without NUL
    characters (PostgreSQL text, and the audit log's JSON, cannot hold them)."""
    return request.GET.get(name, "").replace("\x00", "").strip()[:limit]
