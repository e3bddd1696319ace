"""People for the web tests: one persona per role (healthchecks style), and a signed-in client.

Everyone works for the sample authority in ``web_sample.py``: ``sw`` is C1's social worker in
team T1; ``sw_other`` works in T2 (same service); ``tm`` manages T1 (service CIC); ``iro``
reviews C1 and C2; the rest see everything. C9 belongs to another service; C3 is restricted.
"""

from __future__ import annotations

from typing import Any

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from lookedafter.web.register.models import Role

PASSWORD = "correct-horse-battery-staple"  # noqa: S105  (test users only)

PEOPLE: dict[str, tuple[str, str, str]] = {
    # name: (role, team, worker)
    "sw": (Role.SOCIAL_WORKER, "T1", "SW1"),
    "sw_other": (Role.SOCIAL_WORKER, "T2", "SW2"),
    "tm": (Role.TEAM_MANAGER, "T1", "TM1"),
    "iro": (Role.IRO, "IRO", "IRO1"),
    "qa": (Role.QA_AUDITOR, "", ""),
    "analyst": (Role.ANALYST, "", ""),
    "leader": (Role.SENIOR_LEADER, "", ""),
    "admin": (Role.ADMIN, "", ""),
}


def signed_in(user: Any) -> Client:
    """A client signed in as ``user``, second factor verified where the role needs one."""
    client = Client()
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    device = TOTPDevice.objects.filter(user=user).first()
    if device is not None:
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client
