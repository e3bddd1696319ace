"""The one door to children. Every view reaches a child, or a list of children, through here.

Who sees whom:
- a social worker: the children of their own team;
- a team manager: the children of every team in their service;
- an IRO: the children they are allocated to review;
- a QA auditor, analyst, senior leader or administrator: every child;
- a restricted child: only the people named on it (allocated workers, now or before, and people
  given an explicit grant), whatever their role.

Who may change what is a separate question (``can_write``). A child someone may not see is
reported as "not found" (404), so the answer does not reveal that the child exists.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from lookedafter.web.register.models import (
    Allocation,
    Child,
    ChildAccessGrant,
    Role,
    StaffProfile,
    Team,
)

User = Any  # a Django user (authenticated or anonymous)

SEE_ALL = frozenset({Role.QA_AUDITOR, Role.ANALYST, Role.SENIOR_LEADER, Role.ADMIN})


class Write:
    """Kinds of change, each allowed to some roles (checked in ``can_write``)."""

    CASEWORK = "casework"  # visits, health, PEPs, missing episodes, placements
    REVIEW = "review"  # statutory reviews and participation
    OVERSIGHT = "oversight"  # management oversight entries
    ALLOCATE = "allocate"  # change of worker, reassignment
    IMPORT = "import"  # 903 upload applied to the register


WRITERS: dict[str, frozenset[str]] = {
    Write.CASEWORK: frozenset({Role.SOCIAL_WORKER, Role.TEAM_MANAGER}),
    Write.REVIEW: frozenset({Role.IRO}),
    Write.OVERSIGHT: frozenset({Role.TEAM_MANAGER}),
    Write.ALLOCATE: frozenset({Role.TEAM_MANAGER}),
    Write.IMPORT: frozenset({Role.ANALYST}),
}


def profile_of(user: User) -> StaffProfile | None:
    if not user.is_authenticated or not user.is_active:
        return None
    return getattr(user, "staff", None)


def service_teams(team_code: str) -> list[str]:
    """Every team in the same service as ``team_code`` (the team itself when it has none)."""
    team = Team.objects.filter(team_id=team_code).first()
    if team is None or not team.service:
        return [team_code]
    return list(Team.objects.filter(service=team.service).values_list("team_id", flat=True))


def _named_on(profile: StaffProfile, user: Any) -> Q:
    """Children whose record names this person."""
    named = Q(Exists(ChildAccessGrant.objects.filter(child=OuterRef("pk"), user=user)))
    if profile.worker_code:
        named |= Q(
            Exists(Allocation.objects.filter(child=OuterRef("pk"), worker_id=profile.worker_code))
        )
    return named


def accessible_children(user: User) -> QuerySet[Child]:
    """Every child this user may see (the only way a view lists children)."""
    profile = profile_of(user)
    if profile is None:
        return Child.objects.none()
    if profile.role in SEE_ALL:
        scope = Q()
    elif profile.role == Role.SOCIAL_WORKER:
        scope = Q(current_team=profile.team_code) if profile.team_code else Q(pk__in=[])
    elif profile.role == Role.TEAM_MANAGER:
        scope = (
            Q(current_team__in=service_teams(profile.team_code))
            if profile.team_code
            else Q(pk__in=[])
        )
    elif profile.role == Role.IRO:
        scope = Q(current_iro=profile.worker_code) if profile.worker_code else Q(pk__in=[])
    else:
        return Child.objects.none()
    visible = scope & Q(restricted=False)
    restricted = Q(restricted=True) & _named_on(profile, user)
    return Child.objects.filter(visible | restricted)


def access_child_by_id(user: User, child_id: str) -> Child:
    """The child with this identifier, if this user may see it; otherwise 404."""
    child = accessible_children(user).filter(child=child_id).first()
    if child is None:
        raise Http404("No such child")
    return child


def can_write(user: User, child: Child, kind: str) -> bool:
    """May this user make this kind of change to this (already accessible) child?"""
    profile = profile_of(user)
    if profile is None or profile.role not in WRITERS[kind]:
        return False
    if profile.role == Role.SOCIAL_WORKER:
        return child.current_team == profile.team_code or child.restricted
    if profile.role == Role.IRO:
        return child.current_iro == profile.worker_code or child.restricted
    return True


def access_child_for_write(user: User, child_id: str, kind: str) -> Child:
    """The child, if this user may see it (else 404) and make this change (else 403)."""
    child = access_child_by_id(user, child_id)
    if not can_write(user, child, kind):
        raise PermissionDenied("You cannot make this change to this child's record")
    return child


def require_role(user: User, *roles: str) -> StaffProfile:
    """The user's profile if they hold one of ``roles``; otherwise 403."""
    profile = profile_of(user)
    if profile is None or profile.role not in roles:
        raise PermissionDenied("Your role cannot use this page")
    return profile


def hidden_restricted(user: User) -> set[str]:
    """Identifiers of restricted children this user is not named on (to drop from reports)."""
    visible = accessible_children(user).filter(restricted=True)
    return set(
        Child.objects.filter(restricted=True)
        .exclude(pk__in=visible)
        .values_list("child", flat=True)
    )
