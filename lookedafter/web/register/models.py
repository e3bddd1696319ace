"""The register's tables.

The canonical dataset (``lookedafter.schema.tables``) is declared once; the register mirrors it
rather than spelling each column again. ``Child`` merges the 903 ``Header`` with the practice
``Children`` table and carries the child's current team, worker and IRO (kept up to date by the
actions, so that access checks are one indexed query). Every other canonical table becomes one
model whose fields are the table's columns in snake case (``DECOM`` -> ``decom``), with ``CHILD``
as a foreign key to ``Child``. ``export.py`` turns the register back into a ``Dataset``.

Staff, access grants, the audit log and the authority's settings are the web app's own tables.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import polars as pl
from django.conf import settings
from django.db import models

from lookedafter.schema.tables import TABLES, Table

# ---- staff --------------------------------------------------------------------------------


if TYPE_CHECKING:  # Django ships no types: tell mypy the members are strings

    class _Choices(str):
        choices: list[tuple[str, str]]
        label: str

    class Role(_Choices):
        SOCIAL_WORKER: str
        TEAM_MANAGER: str
        IRO: str
        QA_AUDITOR: str
        ANALYST: str
        SENIOR_LEADER: str
        ADMIN: str

    class AuditAction(_Choices):
        READ: str
        LIST: str
        EXPORT: str
        WRITE: str
        SIGN_IN: str
        SIGN_IN_FAILED: str
        SIGN_OUT: str
        DENIED: str

    class UploadStatus(_Choices):
        PREVIEWED: str
        REJECTED: str
        APPLIED: str

else:

    class Role(models.TextChoices):
        SOCIAL_WORKER = "social_worker", "Social worker"
        TEAM_MANAGER = "team_manager", "Team manager"
        IRO = "iro", "Independent reviewing officer"
        QA_AUDITOR = "qa_auditor", "Quality assurance auditor"
        ANALYST = "analyst", "Analyst"
        SENIOR_LEADER = "senior_leader", "Senior leader"
        ADMIN = "admin", "Administrator"

    class AuditAction(models.TextChoices):
        READ = "read", "Viewed a child's record"
        LIST = "list", "Listed children"
        EXPORT = "export", "Exported data"
        WRITE = "write", "Changed the register"
        SIGN_IN = "sign_in", "Signed in"
        SIGN_IN_FAILED = "sign_in_failed", "Failed to sign in"
        SIGN_OUT = "sign_out", "Signed out"
        DENIED = "denied", "Was refused access"

    class UploadStatus(models.TextChoices):
        PREVIEWED = "previewed", "Previewed, not applied"
        REJECTED = "rejected", "Rejected: files could not be read"
        APPLIED = "applied", "Applied to the register"


# Roles that must use a second factor (TOTP) to sign in.
ROLES_NEEDING_OTP = frozenset(
    {Role.TEAM_MANAGER, Role.IRO, Role.ANALYST, Role.SENIOR_LEADER, Role.ADMIN}
)

# Workers.ROLE codes (schema code list "ROLE") -> web role.
WORKER_ROLE_TO_ROLE = {
    "SW": Role.SOCIAL_WORKER,
    "TM": Role.TEAM_MANAGER,
    "SM": Role.TEAM_MANAGER,
    "HOS": Role.SENIOR_LEADER,
    "IRO": Role.IRO,
    "QA": Role.QA_AUDITOR,
    "ANALYST": Role.ANALYST,
    "LEADER": Role.SENIOR_LEADER,
}


class StaffProfile(models.Model):
    """A user's role, team and (where they hold cases) their worker identifier."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    team_code = models.CharField(
        "team", max_length=40, blank=True, help_text="TEAM_ID of the user's team"
    )
    worker_code = models.CharField(
        "worker identifier",
        max_length=40,
        blank=True,
        db_index=True,
        help_text="WORKER_ID in the register (social workers, managers, IROs)",
    )

    class Meta:
        verbose_name = "staff profile"

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"


# ---- the child ----------------------------------------------------------------------------


class Child(models.Model):
    """One child: the 903 header and the register's own details, plus where the child sits now."""

    child = models.CharField("child identifier", max_length=40, unique=True)
    # 903 Header
    sex = models.CharField(max_length=10, null=True, blank=True)
    dob = models.DateField("date of birth", null=True, blank=True)
    ethnic = models.CharField("ethnicity", max_length=10, null=True, blank=True)
    upn = models.CharField("unique pupil number", max_length=20, null=True, blank=True)
    mother = models.CharField(max_length=10, null=True, blank=True)
    mc_dob = models.DateField("mother's child's date of birth", null=True, blank=True)
    # practice Children table
    forename = models.CharField(max_length=100, null=True, blank=True)
    surname = models.CharField(max_length=100, null=True, blank=True)
    home_post = models.CharField("home postcode", max_length=10, null=True, blank=True)
    disability = models.BooleanField(null=True, blank=True)
    restricted = models.BooleanField(
        default=False, help_text="Visible only to the people named on the record"
    )
    in_header = models.BooleanField(default=True, help_text="Has a 903 header row")
    in_children = models.BooleanField(default=True, help_text="Has a register details row")
    # where the child sits now (maintained by the actions)
    current_team = models.CharField(max_length=40, blank=True, db_index=True)
    current_worker = models.CharField(max_length=40, blank=True, db_index=True)
    current_iro = models.CharField(max_length=40, blank=True, db_index=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name_plural = "children"
        ordering = ("surname", "forename", "child")

    def __str__(self) -> str:
        name = " ".join(p for p in (self.forename, self.surname) if p)
        return name or self.child

    @property
    def name(self) -> str:
        return str(self)


HEADER_FIELDS = ("SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB")
CHILDREN_FIELDS = ("FORENAME", "SURNAME", "HOME_POST", "DISABILITY", "RESTRICTED")

# ---- mirrored canonical tables --------------------------------------------------------------

# canonical table -> model name. Header and Children are merged into Child.
MIRRORED: dict[str, str] = {
    "Episodes": "Episode",
    "Reviews": "Review",
    "UASC": "Uasc",
    "OC2": "Oc2",
    "OC3": "Oc3",
    "AD1": "Ad1",
    "PlacedAdoption": "PlacedAdoption",
    "PrevPerm": "PrevPerm",
    "Missing": "MissingEpisode",
    "SWEpisodes": "SwEpisode",
    "DoLo": "Dolo",
    "Teams": "Team",
    "Workers": "Worker",
    "Vacancies": "Vacancy",
    "Allocations": "Allocation",
    "Visits": "Visit",
    "Health": "HealthCheck",
    "PEPs": "Pep",
    "ReturnInterviews": "ReturnInterview",
    "CarePlans": "CarePlan",
    "LongTermMatches": "LongTermMatch",
    "TemporaryApprovals": "TemporaryApproval",
    "EDTContacts": "EdtContact",
    "Referrals": "Referral",
    "Supervision": "SupervisionSession",
    "SupervisionCases": "SupervisionCase",
    "ManagementOversight": "OversightEntry",
    "IROChallenges": "IroChallenge",
    "CaseAudits": "CaseAudit",
    "AuditActions": "CaseAuditAction",
    "Documents": "Document",
}
MERGED_INTO_CHILD = ("Header", "Children")


def field_name(column: str) -> str:
    """Model field for a canonical column: ``DECOM`` -> ``decom``; ``CHILD`` -> ``child``."""
    return column.lower()


def _field_for(col_name: str, dtype: pl.DataType) -> models.Field[Any, Any]:
    # Labels come from the schema at display time (``TABLES[...].column_index``), not from the
    # field, so a reworded description never needs a migration; a new column or dtype does.
    if dtype == pl.Date:
        return models.DateField(null=True, blank=True)
    if dtype == pl.Datetime("us"):
        return models.DateTimeField(null=True, blank=True)
    if dtype == pl.Int32:
        return models.IntegerField(null=True, blank=True)
    if dtype == pl.Float64:
        return models.FloatField(null=True, blank=True)
    if dtype == pl.Boolean:
        return models.BooleanField(null=True, blank=True)
    indexed = col_name.endswith("_ID")
    return models.CharField(max_length=200, null=True, blank=True, db_index=indexed)


def _mirror(tab: Table, model_name: str) -> type[models.Model]:
    attrs: dict[str, Any] = {"__module__": __name__, "__doc__": tab.description}
    key_fields = []
    for col in tab.columns:
        name = field_name(col.name)
        if col.name == "CHILD":
            attrs[name] = models.ForeignKey(
                Child,
                on_delete=models.CASCADE,
                null="CHILD" not in tab.key,
                blank=True,
                related_name=f"{model_name.lower()}_set",
                db_column="child_pk",
            )
            key_fields.append(name)
        else:
            attrs[name] = _field_for(col.name, col.dtype)
            if col.name in tab.key:
                key_fields.append(name)
    first_date = next((field_name(c.name) for c in tab.columns if c.dtype == pl.Date), None)
    meta: dict[str, Any] = {
        "verbose_name": model_name,
        "indexes": [models.Index(fields=key_fields[:3], name=f"reg_{model_name.lower()}_key")]
        if key_fields
        else [],
    }
    if first_date:
        meta["ordering"] = (first_date, "id")
    else:
        meta["ordering"] = ("id",)
    attrs["Meta"] = type("Meta", (), meta)
    attrs["TABLE"] = tab.name
    attrs["__str__"] = lambda self: f"{tab.name} {self.pk}"
    return type(model_name, (models.Model,), attrs)


MODELS: dict[str, type[models.Model]] = {
    table: _mirror(TABLES[table], name) for table, name in MIRRORED.items()
}
globals().update({m.__name__: m for m in MODELS.values()})

# Names the rest of the app (and mypy) can import.
Episode: Any = MODELS["Episodes"]
Review: Any = MODELS["Reviews"]
MissingEpisode: Any = MODELS["Missing"]
Team: Any = MODELS["Teams"]
Worker: Any = MODELS["Workers"]
Allocation: Any = MODELS["Allocations"]
Visit: Any = MODELS["Visits"]
HealthCheck: Any = MODELS["Health"]
Pep: Any = MODELS["PEPs"]
ReturnInterview: Any = MODELS["ReturnInterviews"]
CarePlan: Any = MODELS["CarePlans"]
OversightEntry: Any = MODELS["ManagementOversight"]
SwEpisode: Any = MODELS["SWEpisodes"]


# ---- access grants, audit, authority settings ------------------------------------------------


class ChildAccessGrant(models.Model):
    """A person named on a (restricted) child's record, beyond the allocated workers."""

    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="grants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    reason = models.CharField(max_length=200)
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        unique_together = (("child", "user"),)


class AppendOnlyError(RuntimeError):
    """The audit log cannot be changed or deleted."""


class AuditEvent(models.Model):
    """One entry in the append-only audit log (on PostgreSQL a trigger also refuses changes)."""

    at = models.DateTimeField(db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
    )
    username = models.CharField(max_length=150)
    role = models.CharField(max_length=20, blank=True)
    team = models.CharField(max_length=40, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    what = models.CharField(max_length=200, help_text="The page, list, export or action")
    child = models.CharField(max_length=40, blank=True, db_index=True)
    detail = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ("-at", "-id")
        indexes = (
            models.Index(fields=["action", "id"], name="reg_audit_action_id"),
            # who has viewed a child (the child's page): newest reads first, without a sort
            models.Index(fields=["child", "action", "-at", "-id"], name="reg_audit_child_reads"),
        )

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise AppendOnlyError("audit events cannot be deleted")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username} {self.action} {self.what}"


class AuthorityProfile(models.Model):
    """The authority this register belongs to (one row)."""

    la_code = models.CharField("LA code", max_length=10, blank=True)
    la_name = models.CharField("authority name", max_length=100, blank=True)
    epoch = models.PositiveIntegerField(
        default=0, help_text="Goes up when the register is reloaded or a 903 return applied"
    )

    def __str__(self) -> str:
        return self.la_name or "Authority"


class ClosureDay(models.Model):
    """A day the authority is closed beyond bank holidays (not a working day)."""

    day = models.DateField(unique=True)
    description = models.CharField(max_length=100)

    class Meta:
        ordering = ("day",)

    def __str__(self) -> str:
        return f"{self.day:%d %B %Y}: {self.description}"


class SchoolTerm(models.Model):
    """A school term (for PEP timing); when none are set the calendar's default terms apply."""

    name = models.CharField(max_length=50)
    start = models.DateField()
    end = models.DateField()

    class Meta:
        ordering = ("start",)

    def __str__(self) -> str:
        return f"{self.name} ({self.start:%d %b %Y} to {self.end:%d %b %Y})"


class LocalTimescale(models.Model):
    """A local value for one timescale setting (``lookedafter.timescales.Policy.local``).

    The setting names, units and statutory values are the engine's (``timescales.policy``);
    a local value is usually stricter (visits every 28 days rather than 42).
    """

    setting = models.CharField(
        max_length=60, unique=True, help_text="Setting name, e.g. visit_interval_days"
    )
    value = models.PositiveIntegerField(
        null=True, blank=True, help_text="In the setting's own unit; empty switches it off"
    )
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ("setting",)

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from lookedafter.web.register.engine import timescale_setting_names

        names = timescale_setting_names()
        if names and self.setting not in names:
            raise ValidationError(
                {"setting": f"Not a timescale setting. Choose one of: {', '.join(sorted(names))}"}
            )

    def __str__(self) -> str:
        return f"{self.setting} = {self.value}"


class ReturnUpload(models.Model):
    """An SSDA903 return uploaded by an analyst: read, previewed, then applied (or not)."""

    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    uploaded_at = models.DateTimeField()
    folder = models.CharField(max_length=500, help_text="Where the uploaded files are kept")
    files = models.JSONField(default=list)
    year = models.IntegerField(null=True, blank=True, help_text="Collection year (ending March)")
    status = models.CharField(max_length=20, choices=UploadStatus.choices)
    summary = models.JSONField(default=dict, blank=True)
    applied_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ("-uploaded_at",)

    def __str__(self) -> str:
        return f"903 return {self.year or '?'} uploaded {self.uploaded_at:%Y-%m-%d %H:%M}"
