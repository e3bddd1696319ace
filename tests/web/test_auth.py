"""Signing in: passwords (argon2), the second factor, throttling, idle expiry, CSP."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from web_support import PASSWORD

from lookedafter.web.register.models import AuditEvent


def test_passwords_are_hashed_with_argon2() -> None:
    from lookedafter.web import settings as project

    assert project.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    from django.contrib.auth.hashers import Argon2PasswordHasher

    assert Argon2PasswordHasher().encode("a password", "somesalt12345678").startswith("argon2$")


def test_a_social_worker_signs_in_with_a_password(people: dict[str, Any]) -> None:
    client = Client()
    response = client.post("/sign-in/", {"username": "sw", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/my-children/").status_code == 200
    assert AuditEvent.objects.filter(action="sign_in", username="sw").exists()


def test_a_wrong_password_is_refused_and_logged(people: dict[str, Any]) -> None:
    client = Client()
    response = client.post("/sign-in/", {"username": "sw", "password": "wrong-password"})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
    assert AuditEvent.objects.filter(action="sign_in_failed", username="sw").exists()


def test_a_manager_needs_a_security_code(people: dict[str, Any]) -> None:
    client = Client()
    response = client.post("/sign-in/", {"username": "tm", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith("/sign-in/code/")
    assert client.get("/team/").status_code == 302  # not yet verified
    assert client.post("/sign-in/code/", {"token": "000000"}).status_code == 400
    device = TOTPDevice.objects.get(user=people["tm"])
    device.throttle_reset()  # a failure makes the next try wait; this test does not
    code = f"{totp(device.bin_key):06d}"
    assert client.post("/sign-in/code/", {"token": code}).status_code == 302
    assert client.get("/team/").status_code == 200


def test_repeated_failures_lock_the_account(people: dict[str, Any]) -> None:
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/sign-in/", {"username": "sw", "password": "wrong-password"})
    response = client.post("/sign-in/", {"username": "sw", "password": PASSWORD})
    assert response.status_code in (403, 429)
    assert "locked" in response.content.decode()


def test_sessions_end_after_thirty_idle_minutes() -> None:
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_pages_carry_a_strict_content_security_policy(people: dict[str, Any]) -> None:
    response = Client().get("/sign-in/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'none'" in policy and "'unsafe-inline'" not in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in response.content.decode()


def test_signing_out_needs_a_post(people: dict[str, Any]) -> None:
    client = Client()
    client.post("/sign-in/", {"username": "sw", "password": PASSWORD})
    assert client.get("/sign-out/").status_code == 405
    assert client.post("/sign-out/").status_code == 302
    assert client.get("/my-children/").status_code == 302
