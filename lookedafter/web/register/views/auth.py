"""Sign in (password, then a TOTP code for roles that need one), and sign out."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import authenticate, login, logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login

from lookedafter.web.register import audit
from lookedafter.web.register.models import AuditAction, Role
from lookedafter.web.register.views.common import needs_otp, staff_required


class SignInForm(forms.Form):
    username = forms.CharField(label="Username", max_length=150)
    password = forms.CharField(label="Password", widget=forms.PasswordInput, max_length=200)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].error_messages["required"] = "Enter your username"
        self.fields["password"].error_messages["required"] = "Enter your password"


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Security code",
        help_text="The 6-digit code from your authenticator app, or a backup code",
        max_length=16,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["token"].error_messages["required"] = "Enter your security code"


def _safe_next(request: HttpRequest, fallback: str = "register-home") -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return target
    from django.urls import reverse

    return reverse(fallback)


@require_http_methods(["GET", "POST"])
def sign_in(request: HttpRequest) -> HttpResponse:
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request,
            username=form.cleaned_data["username"],
            password=form.cleaned_data["password"],
        )
        if user is None or getattr(user, "staff", None) is None:
            audit.record(
                request,
                None,
                AuditAction.SIGN_IN_FAILED,
                "sign in",
                username=form.cleaned_data["username"][:150],
            )
            form.add_error(None, "The username or password is not right")
            form.add_error("username", "Enter a correct username and password")
        else:
            login(request, user)
            audit.record(request, user, AuditAction.SIGN_IN, "password")
            if needs_otp(user):
                return redirect(f"{_verify_url()}?next={_safe_next(request)}")
            return redirect(_safe_next(request))
    return render(
        request,
        "register/login.html",
        {"form": form, "title": "Sign in", "submit": "Sign in"},
        status=400 if form.errors else 200,
    )


def _verify_url() -> str:
    from django.urls import reverse

    return reverse("register-verify")


@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """Second step for roles that need it: a TOTP (or static backup) code."""
    user = request.user
    if not user.is_authenticated:
        return redirect("register-login")
    if not needs_otp(user) or user.is_verified():
        return redirect(_safe_next(request))
    form = TokenForm(request.POST or None)
    has_device = any(True for _ in devices_for_user(user))
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["token"].replace(" ", ""))
        if device is None:
            audit.record(request, user, AuditAction.SIGN_IN_FAILED, "security code")
            form.add_error("token", "The security code is not right, or has expired")
        else:
            otp_login(request, device)
            audit.record(request, user, AuditAction.SIGN_IN, "security code")
            return redirect(_safe_next(request))
    intro = (
        "Your role needs a second step to sign in."
        if has_device
        else "Your role needs a security code, but no authenticator is set up for your "
        "account. Ask an administrator to set one up."
    )
    return render(
        request,
        "register/login.html",
        {"form": form, "title": "Enter your security code", "intro": intro, "submit": "Continue"},
        status=400 if form.errors else 200,
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        audit.record(request, request.user, AuditAction.SIGN_OUT, "sign out")
    logout(request)
    return redirect("register-login")


@staff_required()
def home(request: HttpRequest) -> HttpResponse:
    """Each role starts on its own page."""
    role = request.user.staff.role
    start = {
        Role.SOCIAL_WORKER: "register-my-children",
        Role.TEAM_MANAGER: "register-team",
        Role.IRO: "register-iro",
        Role.ANALYST: "register-dashboard",
        Role.SENIOR_LEADER: "register-dashboard",
    }.get(role, "register-children")
    return redirect(start)
