from __future__ import annotations

import secrets
from base64 import b32encode
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.db.models import Count
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from lookedafter.web.register.models import ROLES_NEEDING_OTP, Child, Role, StaffProfile, Worker


def _busiest(field: str, role: str) -> Any:
    """The in-post worker of ``role`` holding the most children (by Child.<field>)."""
    counts = (
        Child.objects.exclude(**{field: ""}).values(field).annotate(n=Count("pk")).order_by("-n")
    )
    in_post = set(
        Worker.objects.filter(role=role, leave_date__isnull=True).values_list(
            "worker_id", flat=True
        )
    )
    for row in counts:
        if row[field] in in_post:
            return Worker.objects.filter(worker_id=row[field]).first()
    return Worker.objects.filter(role=role).first()


class Command(BaseCommand):
    help = (
        "Create (or reset) one demo user per role, linked to workers in the loaded register, "
        "and print each username and password. Roles that need a second factor get a TOTP "
        "device (its secret is printed for an authenticator app) and a printed backup code."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--password", help="use this password for every user (tests)")

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        sw = _busiest("current_worker", "SW")
        manager = None
        if sw is not None:
            manager = (
                Worker.objects.filter(worker_id=sw.manager_id).first()
                or Worker.objects.filter(team_id=sw.team_id, role__in=("TM", "SM")).first()
            )
        iro = _busiest("current_iro", "IRO")
        plan: list[tuple[str, str, Any]] = [
            ("social.worker", Role.SOCIAL_WORKER, sw),
            ("team.manager", Role.TEAM_MANAGER, manager),
            ("iro", Role.IRO, iro),
            ("qa.auditor", Role.QA_AUDITOR, None),
            ("analyst", Role.ANALYST, None),
            ("senior.leader", Role.SENIOR_LEADER, None),
            ("admin", Role.ADMIN, None),
        ]
        User = get_user_model()
        self.stdout.write("Demo users (sign in at http://127.0.0.1:8000/):\n")
        for username, role, worker in plan:
            password = options["password"] or secrets.token_urlsafe(12)
            user, _ = User.objects.get_or_create(username=username)
            user.set_password(password)
            if worker is not None:
                first, _, last = worker.worker_name.partition(" ")
                user.first_name, user.last_name = first, last
            user.is_staff = user.is_superuser = role == Role.ADMIN
            user.save()
            team = worker.team_id if worker is not None else ""
            if role == Role.TEAM_MANAGER and worker is None and sw is not None:
                team = sw.team_id
            StaffProfile.objects.update_or_create(
                user=user,
                defaults={
                    "role": role,
                    "team_code": team or "",
                    "worker_code": worker.worker_id if worker is not None else "",
                },
            )
            line = f"  {dict(Role.choices)[role]:<32} username {username:<14} password {password}"
            if worker is not None:
                line += f"   (worker {worker.worker_id}, team {team})"
            self.stdout.write(line)
            if role in ROLES_NEEDING_OTP:
                TOTPDevice.objects.filter(user=user).delete()
                StaticDevice.objects.filter(user=user).delete()
                device = TOTPDevice.objects.create(user=user, name="demo", confirmed=True)
                secret = b32encode(device.bin_key).decode()
                static = StaticDevice.objects.create(user=user, name="backup", confirmed=True)
                code = f"{secrets.randbelow(10**8):08d}"
                StaticToken.objects.create(device=static, token=code)
                self.stdout.write(
                    f"    {'':<30} TOTP secret {secret}  (or one-time backup code {code})"
                )
