"""Template context shared by every page."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from lookedafter.web.register.models import AuthorityProfile, Role
from lookedafter.web.register.views.common import nav_items


def service(request: HttpRequest) -> dict[str, object]:
    profile = getattr(getattr(request, "user", None), "staff", None)
    la_name = cache.get("authority-name")
    if la_name is None:
        authority = AuthorityProfile.objects.first()
        la_name = (authority.la_name if authority else "") or settings.LA_NAME
        cache.set("authority-name", la_name, timeout=60)
    return {
        "la_name": la_name,
        "staff": profile,
        "Role": Role,
        "nav_items": nav_items(request),
    }
