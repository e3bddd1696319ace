"""Analysts: upload a 903 return, preview what it changes, apply it; validation; download."""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from pathlib import Path

import polars as pl
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lookedafter.ssda903.extract import for_year, years_with_data
from lookedafter.ssda903.io import read_return, write_return
from lookedafter.ssda903.structural import issues_frame
from lookedafter.web.register import access, actions, audit
from lookedafter.web.register.dataset_io import export_dataset
from lookedafter.web.register.models import AuditAction, ReturnUpload, Role
from lookedafter.web.register.views.common import staff_required

MAX_FILES = 20
MAX_BYTES = 50 * 1024 * 1024


def _years() -> list[int]:
    return years_with_data(export_dataset(as_of=timezone.localdate(), only=("Episodes",)))


@require_http_methods(["GET", "POST"])
@staff_required(Role.ANALYST)
def upload_return(request: HttpRequest) -> HttpResponse:
    errors: list[tuple[str, str]] = []
    year_text = request.POST.get("year", "").strip()
    if request.method == "POST":
        files = request.FILES.getlist("files")
        year: int | None = None
        if not files:
            errors.append(("files", "Select the 903 CSV files to upload"))
        elif len(files) > MAX_FILES:
            errors.append(("files", f"Upload at most {MAX_FILES} files"))
        elif sum(f.size or 0 for f in files) > MAX_BYTES:
            errors.append(("files", "The files must be smaller than 50 MB in all"))
        if year_text:
            if not year_text.isdigit() or not 2010 <= int(year_text) <= 2100:
                errors.append(("year", "Enter the collection year as 4 digits, like 2026"))
            else:
                year = int(year_text)
        if not errors:
            upload = actions.do_upload_return(actions.Actor(request), files, year)
            return redirect("register-return", upload_id=upload.pk)
    uploads = ReturnUpload.objects.all()[:20]
    return render(
        request,
        "register/returns.html",
        {
            "title": "903 returns",
            "errors": errors,
            "year": year_text,
            "uploads": uploads,
            "years": _years(),
        },
        status=400 if errors else 200,
    )


@require_GET
@staff_required(Role.ANALYST)
def preview_return(request: HttpRequest, upload_id: int) -> HttpResponse:
    upload = ReturnUpload.objects.filter(pk=upload_id).first()
    if upload is None:
        raise Http404("No such upload")
    read = read_return(upload.folder, year=upload.year) if Path(upload.folder).is_dir() else None
    issues = issues_frame(read.issues).head(500).to_dicts() if read else []
    return render(
        request,
        "register/return_preview.html",
        {
            "title": "Uploaded 903 return",
            "upload": upload,
            "issues": issues,
            "issue_count": len(read.issues) if read else 0,
            "tables": sorted(upload.summary.get("tables", {}).items()),
        },
    )


@require_POST
@staff_required(Role.ANALYST)
def apply_return(request: HttpRequest, upload_id: int) -> HttpResponse:
    upload = ReturnUpload.objects.filter(pk=upload_id).first()
    if upload is None:
        raise Http404("No such upload")
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        messages.error(request, "The form was incomplete; try again.")
        return redirect("register-return", upload_id=upload.pk)
    try:
        written = actions.do_apply_return(actions.Actor(request), upload, version)
    except actions.ActionRefused as exc:
        messages.error(request, str(exc))
        return redirect("register-return", upload_id=upload.pk)
    messages.success(
        request, f"Return applied: {sum(written.values()):,} rows written to the register"
    )
    shutil.rmtree(upload.folder, ignore_errors=True)
    return redirect("register-return", upload_id=upload.pk)


@require_GET
@staff_required(Role.ANALYST)
def validation_report(request: HttpRequest, year: int) -> HttpResponse:
    """The DfE validation rules run on the register's return for ``year``."""
    from lookedafter.validation.registry import run
    from lookedafter.validation.report import build

    canonical = export_dataset(as_of=timezone.localdate())
    if year not in years_with_data(canonical):
        raise Http404("No data for that year")
    ds = for_year(canonical, year)
    result = run(ds, year)
    report = build(result, year, [], canonical.meta.la_name)
    # restricted children stay hidden from people not named on them, even here
    hidden = access.hidden_restricted(request.user)
    flags = report.flags.filter(~pl.col("child").is_in(list(hidden)).fill_null(False))
    by_code = (
        flags.group_by("code", "message")
        .agg(pl.len().alias("n"), pl.col("child").n_unique().alias("children"))
        .sort("n", descending=True)
    )
    audit.record(
        request, request.user, AuditAction.EXPORT, "validation report", detail={"year": year}
    )
    return render(
        request,
        "register/validation.html",
        {
            "title": f"Validation of the {year - 1}-{str(year)[2:]} return",
            "year": year,
            "by_code": by_code.to_dicts(),
            "flags": flags.head(500).to_dicts(),
            "flag_count": flags.height,
            "rules_run": len(report.rules_run),
            "skipped": report.skipped,
            "failed": report.failed,
        },
    )


@require_GET
@staff_required(Role.ANALYST)
def download_return(request: HttpRequest, year: int) -> HttpResponse:
    """The 903 return for ``year`` built from the register, as a zip of the DfE CSV files."""
    canonical = export_dataset(as_of=timezone.localdate())
    if year not in years_with_data(canonical):
        raise Http404("No data for that year")
    ds = for_year(canonical, year)
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_return(ds, tmp)
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for p in paths:
                zf.write(p, Path(p).relative_to(tmp).as_posix())
    audit.record(
        request,
        request.user,
        AuditAction.EXPORT,
        "download 903 return",
        detail={"year": year, "children": ds["Header"].height},
    )
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="ssda903-{year}.zip"'
    return response
