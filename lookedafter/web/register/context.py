"""Template context shared by every page."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from lookedafter.web.register.models import AuthorityProfile, Role
from lookedafter.web.register.views.common import nav_items


def service(request: HttpRequest) -> dict[str, object]:
    profile = getattr(getattr(request, "user", None), "staff", None)
    authority = AuthorityProfile.objects.first()
    return {
        "la_name": (authority.la_name if authority else "") or settings.LA_NAME,
        "staff": profile,
        "Role": Role,
        "nav_items": nav_items(request),
    }
