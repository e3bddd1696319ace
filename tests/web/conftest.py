"""Fixtures for the web tests: the sample register and one signed-in person per role."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice
from web_sample import sample_dataset
from web_support import PASSWORD, PEOPLE, signed_in

from lookedafter.web.register.dataset_io import load_dataset
from lookedafter.web.register.models import ROLES_NEEDING_OTP, Role, StaffProfile


@pytest.fixture(autouse=True)
def fast_hashing(settings: Any) -> None:
    """Argon2 is deliberately slow; tests that do not check hashing use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    """Each test gets a fresh database, so cached figures from another test do not apply."""
    from django.core.cache import cache

    from lookedafter.web.register import dashboard

    cache.clear()
    dashboard.forget()


@pytest.fixture
def register(db: Any) -> None:
    load_dataset(sample_dataset())


@pytest.fixture
def people(register: None) -> dict[str, Any]:
    User = get_user_model()
    out = {}
    for name, (role, team, worker) in PEOPLE.items():
        user = User.objects.create_user(name, password=PASSWORD)
        user.is_staff = user.is_superuser = role == Role.ADMIN
        user.save()
        StaffProfile.objects.create(user=user, role=role, team_code=team, worker_code=worker)
        if role in ROLES_NEEDING_OTP:
            TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        out[name] = user
    return out


@pytest.fixture
def as_(people: dict[str, Any]) -> Callable[[str], Client]:
    return lambda name: signed_in(people[name])
