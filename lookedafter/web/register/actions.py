"""Every write to the register: one ``do_<verb>_<noun>()`` per action.

Each action runs in one transaction, checks the child's ``version`` (optimistic concurrency: the
second of two saves made from the same page is refused, nothing is silently overwritten), writes
its rows, bumps the version and records an audit event. Views call these and nothing else writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db import transaction
from django.db.models import F
from django.http import HttpRequest

from lookedafter.web.register import audit
from lookedafter.web.register.models import (
    Allocation,
    AuditAction,
    AuthorityProfile,
    Child,
    Episode,
    HealthCheck,
    MissingEpisode,
    OversightEntry,
    Pep,
    ReturnInterview,
    Review,
    SwEpisode,
    Visit,
    Worker,
)


class StaleRecord(Exception):
    """Someone else changed the child's record after this form was opened."""

    def __init__(self) -> None:
        super().__init__(
            "Someone else saved a change to this child's record after you opened this page. "
            "Your change has not been saved. Check the record, then enter your change again."
        )


class ActionRefused(Exception):
    """The change contradicts the record (e.g. a date clash); the message says why."""


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is acting and from where (for the audit log)."""

    request: HttpRequest

    @property
    def user(self) -> Any:
        return self.request.user


def _claim(child: Child, version: int) -> None:
    """Bump the child's version if it is still ``version``; otherwise refuse."""
    updated = Child.objects.filter(pk=child.pk, version=version).update(version=F("version") + 1)
    if updated != 1:
        raise StaleRecord()
    child.version = version + 1


def _log(actor: Actor, what: str, child: Child, **detail: Any) -> None:
    clean = {k: (v.isoformat() if isinstance(v, date | datetime) else v) for k, v in detail.items()}
    audit.record(
        actor.request, actor.user, AuditAction.WRITE, what, child=child.child, detail=clean
    )


def _today() -> date:
    from django.utils import timezone

    return timezone.localdate()


def _worker_code(actor: Actor) -> str | None:
    staff = getattr(actor.user, "staff", None)
    return (staff.worker_code or None) if staff else None


@transaction.atomic
def do_record_visit(
    actor: Actor,
    child: Child,
    version: int,
    *,
    visit_date: date,
    seen: bool,
    seen_alone: bool,
    not_alone_reason: str = "",
) -> Any:
    _claim(child, version)
    if Visit.objects.filter(child=child, visit_date=visit_date).exists():
        raise ActionRefused("A visit on this date is already recorded for this child.")
    visit = Visit.objects.create(
        child=child,
        visit_date=visit_date,
        worker_id=_worker_code(actor),
        seen=seen,
        seen_alone=seen_alone if seen else False,
        not_alone_reason=(not_alone_reason or None) if not seen_alone else None,
        recorded_date=_today(),
    )
    _log(actor, "record visit", child, visit_date=visit_date, seen=seen, seen_alone=seen_alone)
    return visit


@transaction.atomic
def do_record_review(
    actor: Actor, child: Child, version: int, *, review_date: date, participation: str
) -> Any:
    _claim(child, version)
    if Review.objects.filter(child=child, review=review_date).exists():
        raise ActionRefused("A review on this date is already recorded for this child.")
    review = Review.objects.create(
        child=child, dob=child.dob, review=review_date, review_code=participation
    )
    _log(actor, "record review", child, review=review_date, review_code=participation)
    return review


@transaction.atomic
def do_record_health_assessment(
    actor: Actor,
    child: Child,
    version: int,
    *,
    kind: str,
    done_on: date,
    sdq_score: int | None = None,
) -> Any:
    _claim(child, version)
    if HealthCheck.objects.filter(child=child, health_kind=kind, health_date=done_on).exists():
        raise ActionRefused("This check on this date is already recorded for this child.")
    check = HealthCheck.objects.create(
        child=child,
        health_kind=kind,
        health_date=done_on,
        recorded_date=_today(),
        sdq_score=sdq_score if kind == "SDQ" else None,
    )
    _log(actor, "record health", child, kind=kind, done_on=done_on, sdq_score=sdq_score)
    return check


@transaction.atomic
def do_record_pep(actor: Actor, child: Child, version: int, *, pep_date: date, kind: str) -> Any:
    _claim(child, version)
    if Pep.objects.filter(child=child, pep_date=pep_date).exists():
        raise ActionRefused("A PEP on this date is already recorded for this child.")
    pep = Pep.objects.create(child=child, pep_date=pep_date, pep_kind=kind, recorded_date=_today())
    _log(actor, "record PEP", child, pep_date=pep_date, kind=kind)
    return pep


@transaction.atomic
def do_record_missing_episode(
    actor: Actor,
    child: Child,
    version: int,
    *,
    kind: str,
    start: date,
    end: date | None,
) -> Any:
    _claim(child, version)
    if MissingEpisode.objects.filter(child=child, mis_start=start).exists():
        raise ActionRefused("A missing episode starting on this date is already recorded.")
    episode = MissingEpisode.objects.create(
        child=child, dob=child.dob, missing=kind, mis_start=start, mis_end=end
    )
    _log(actor, "record missing episode", child, kind=kind, start=start, end=end)
    return episode


@transaction.atomic
def do_record_return_interview(
    actor: Actor,
    child: Child,
    version: int,
    *,
    mis_start: date,
    returned_at: datetime,
    offered_at: datetime | None,
    done_at: datetime | None,
    accepted: bool | None,
) -> Any:
    _claim(child, version)
    if not MissingEpisode.objects.filter(child=child, mis_start=mis_start).exists():
        raise ActionRefused("There is no missing episode starting on that date.")
    interview, _ = ReturnInterview.objects.update_or_create(
        child=child,
        mis_start=mis_start,
        defaults={
            "returned_at": returned_at,
            "offered_at": offered_at,
            "done_at": done_at,
            "accepted": accepted,
        },
    )
    _log(
        actor,
        "record return interview",
        child,
        mis_start=mis_start,
        returned_at=returned_at,
        offered_at=offered_at,
        done_at=done_at,
        accepted=accepted,
    )
    return interview


def current_episode(child: Child) -> Any:
    return Episode.objects.filter(child=child, dec__isnull=True).order_by("-decom").first()


@transaction.atomic
def do_change_placement(
    actor: Actor,
    child: Child,
    version: int,
    *,
    moved_on: date,
    place: str,
    provider: str,
    reason: str,
    postcode: str = "",
    urn: str = "",
) -> Any:
    """Close the open episode on ``moved_on`` (X1) and open the next one, same legal status."""
    _claim(child, version)
    open_episode = current_episode(child)
    if open_episode is None:
        raise ActionRefused("The child has no open episode of care to move from.")
    if moved_on <= open_episode.decom:
        raise ActionRefused(
            f"The move must be after the current placement began ({open_episode.decom:%d %B %Y})."
        )
    open_episode.dec = moved_on
    open_episode.rec = "X1"
    open_episode.save(update_fields=("dec", "rec"))
    new = Episode.objects.create(
        child=child,
        decom=moved_on,
        rne="P",
        ls=open_episode.ls,
        cin=open_episode.cin,
        place=place,
        place_provider=provider,
        reason_place_change=reason,
        home_post=open_episode.home_post,
        pl_post=postcode or None,
        urn=urn or None,
    )
    _log(actor, "change placement", child, moved_on=moved_on, place=place, reason=reason)
    return new


@transaction.atomic
def do_change_worker(
    actor: Actor,
    child: Child,
    version: int,
    *,
    worker_id: str,
    starts_on: date,
    reason: str,
) -> Any:
    """End the current social worker's allocation and allocate ``worker_id`` from ``starts_on``."""
    _claim(child, version)
    worker = Worker.objects.filter(worker_id=worker_id).first()
    if worker is None:
        raise ActionRefused("There is no worker with that identifier.")
    if worker_id == child.current_worker:
        raise ActionRefused("That worker is already the child's social worker.")
    ending = starts_on - timedelta(days=1)
    for alloc in Allocation.objects.filter(child=child, alloc_role="SW", alloc_end__isnull=True):
        if alloc.alloc_start and alloc.alloc_start > ending:
            raise ActionRefused("The new allocation must start after the current one began.")
        alloc.alloc_end = ending
        alloc.save(update_fields=("alloc_end",))
    for ep in SwEpisode.objects.filter(child=child, sw_dec__isnull=True):
        ep.sw_dec = ending
        ep.save(update_fields=("sw_dec",))
    new = Allocation.objects.create(
        child=child,
        worker_id=worker_id,
        alloc_role="SW",
        alloc_start=starts_on,
        change_reason=reason,
    )
    SwEpisode.objects.create(
        child=child, dob=child.dob, sw_id=worker_id, sw_decom=starts_on, sw_reason=reason
    )
    before = (child.current_worker, child.current_team)
    child.current_worker = worker_id
    child.current_team = worker.team_id or ""
    child.save(update_fields=("current_worker", "current_team"))
    _log(
        actor,
        "change worker",
        child,
        worker_id=worker_id,
        previous=before[0],
        team=child.current_team,
        previous_team=before[1],
        starts_on=starts_on,
        reason=reason,
    )
    return new


@transaction.atomic
def do_record_oversight(actor: Actor, child: Child, version: int, *, on: date) -> Any:
    _claim(child, version)
    manager = _worker_code(actor) or actor.user.get_username()
    if OversightEntry.objects.filter(child=child, manager_id=manager, oversight_date=on).exists():
        raise ActionRefused("You have already recorded oversight on this child on that date.")
    entry = OversightEntry.objects.create(child=child, manager_id=manager, oversight_date=on)
    _log(actor, "record management oversight", child, on=on)
    return entry


@transaction.atomic
def do_apply_return(actor: Actor, upload: Any, version: int) -> dict[str, int]:
    """Apply an uploaded 903 return to the register, in one transaction (see ``returns``)."""
    from lookedafter.ssda903.io import read_return
    from lookedafter.web.register import returns
    from lookedafter.web.register.dataset_io import export_dataset
    from lookedafter.web.register.models import ReturnUpload, UploadStatus

    claimed = ReturnUpload.objects.filter(
        pk=upload.pk, version=version, status=UploadStatus.PREVIEWED
    ).update(version=F("version") + 1)
    if claimed != 1:
        raise ActionRefused(
            "This upload has already been applied or changed by someone else. "
            "Upload the return again to see what it would change now."
        )
    read = read_return(upload.folder, year=upload.year)
    if read.fatal:
        raise ActionRefused("The uploaded files can no longer be read; upload them again.")
    from django.utils import timezone as tz

    diffs = returns.compare(
        read.dataset,
        export_dataset(as_of=tz.localdate(), only=returns.NEEDED),
        upload.year,
    )
    written = returns.apply(diffs)
    profile = AuthorityProfile.objects.select_for_update().first() or AuthorityProfile()
    profile.epoch += 1
    profile.save()
    from django.utils import timezone

    ReturnUpload.objects.filter(pk=upload.pk).update(
        status=UploadStatus.APPLIED, applied_at=timezone.now(), summary=returns.summary(diffs)
    )
    audit.record(
        actor.request,
        actor.user,
        AuditAction.WRITE,
        "apply 903 return",
        detail={"upload": upload.pk, "year": upload.year, "rows": written},
    )
    return written


@transaction.atomic
def do_upload_return(actor: Actor, files: list[Any], year: int | None) -> Any:
    """Keep an analyst's uploaded 903 files, read them and record what applying would change.

    Nothing in the register changes; a return that cannot be read is kept as rejected so its
    structural report can be shown.
    """
    import tempfile
    from pathlib import Path

    from django.conf import settings
    from django.utils import timezone
    from django.utils.text import get_valid_filename

    from lookedafter.ssda903.io import read_return
    from lookedafter.web.register import returns
    from lookedafter.web.register.dataset_io import export_dataset
    from lookedafter.web.register.models import ReturnUpload, UploadStatus

    root = Path(settings.UPLOAD_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="return-", dir=root))
    names = []
    for f in files:
        name = get_valid_filename(Path(f.name).name) or "file.csv"
        with (folder / name).open("wb") as out:
            for chunk in f.chunks():
                out.write(chunk)
        names.append(name)
    read = read_return(folder, year=year)
    upload = ReturnUpload(
        uploaded_by=actor.user,
        uploaded_at=timezone.now(),
        folder=str(folder),
        files=names,
        year=read.dataset.meta.collection_year,
    )
    if read.fatal or upload.year is None:
        upload.status = UploadStatus.REJECTED
        upload.summary = {"tables": {}, "children": 0, "total": 0}
    else:
        current = export_dataset(as_of=timezone.localdate(), only=returns.NEEDED)
        diffs = returns.compare(read.dataset, current, upload.year)
        upload.status = UploadStatus.PREVIEWED
        upload.summary = returns.summary(diffs)
    upload.save()
    audit.record(
        actor.request,
        actor.user,
        AuditAction.WRITE,
        "upload 903 return",
        detail={"upload": upload.pk, "files": names, "status": upload.status},
    )
    return upload
