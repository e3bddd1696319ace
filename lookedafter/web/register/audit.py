"""The audit log: every read of a child, every list, every export and every write.

Entries are written synchronously, inside the same transaction as a write, so a change is never
recorded without its entry (nor an entry without its change).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.http import HttpRequest
from django.utils import timezone

from lookedafter.web.register.models import AuditAction, AuditEvent


def client_ip(request: HttpRequest | None) -> str | None:
    """The address the request came from (REMOTE_ADDR; a proxy must set it, not a header)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(
    request: HttpRequest | None,
    user: AbstractBaseUser | AnonymousUser | None,
    action: str,
    what: str,
    *,
    child: str = "",
    detail: dict[str, Any] | None = None,
    username: str = "",
) -> AuditEvent:
    staff = getattr(user, "staff", None) if user is not None else None
    authenticated = user is not None and user.is_authenticated
    return AuditEvent.objects.create(
        at=timezone.now(),
        user=user if authenticated else None,
        username=username or (user.get_username() if authenticated and user else ""),
        role=staff.role if staff else "",
        team=staff.team_code if staff else "",
        ip=client_ip(request),
        action=action,
        what=what[:200],
        child=child,
        detail=detail or {},
    )


def record_list(
    request: HttpRequest, what: str, children: Iterable[str], **detail: Any
) -> AuditEvent:
    """A list of children was shown: log which ones."""
    ids = list(children)
    return record(
        request,
        request.user,
        AuditAction.LIST,
        what,
        detail={"children": ids, "count": len(ids), **detail},
    )


def viewers_of(child: str, limit: int = 50) -> list[AuditEvent]:
    """Who has viewed this child's record, most recent first."""
    return list(
        AuditEvent.objects.filter(child=child, action=AuditAction.READ).order_by("-at", "-id")[
            :limit
        ]
    )
