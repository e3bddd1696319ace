"""An analyst uploads a 903 return, previews what changes, applies it; validation; download."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import polars as pl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from lookedafter.ssda903.extract import for_year
from lookedafter.ssda903.io import write_return
from lookedafter.web.register.dataset_io import export_dataset
from lookedafter.web.register.models import AuditEvent, Child, Episode, ReturnUpload, Review

As = Callable[[str], Client]


def _year() -> int:
    today = timezone.localdate()
    return int(today.year + (1 if today.month >= 4 else 0))


def _files(folder: Path) -> list[SimpleUploadedFile]:
    return [
        SimpleUploadedFile(p.name, p.read_bytes(), content_type="text/csv")
        for p in sorted(folder.glob("*.csv"))
    ]


def _return_with_changes(tmp_path: Path) -> Path:
    """The register's own return for this year, with a new review and a changed placement."""
    ds = for_year(export_dataset(as_of=timezone.localdate()), _year(), with_previous=False)
    reviews = ds["Reviews"]
    dob = Child.objects.get(child="C2").dob
    extra = pl.DataFrame(
        {
            "CHILD": ["C2"],
            "DOB": [dob],
            "REVIEW": [timezone.localdate() - timedelta(days=3)],
            "REVIEW_CODE": ["PN2"],
        },
        schema=reviews.schema,
    )
    episodes = ds["Episodes"].with_columns(
        pl.when(pl.col("CHILD") == "C1")
        .then(pl.lit("U4"))
        .otherwise(pl.col("PLACE"))
        .alias("PLACE")
    )
    ds = ds.with_table("Reviews", pl.concat([reviews, extra])).with_table("Episodes", episodes)
    out = tmp_path / "return"
    write_return(ds, out)
    return out


def test_an_analyst_previews_then_applies_a_return(
    as_: As, tmp_path: Path, settings: object
) -> None:
    settings.UPLOAD_ROOT = tmp_path / "uploads"  # type: ignore[attr-defined]
    analyst = as_("analyst")
    folder = _return_with_changes(tmp_path)
    response = analyst.post("/returns/", {"files": _files(folder), "year": str(_year())})
    assert response.status_code == 302
    upload = ReturnUpload.objects.get()
    assert upload.status == "previewed"
    assert upload.summary["tables"]["Reviews"] == {"added": 1, "changed": 0, "removed": 0}
    assert upload.summary["tables"]["Episodes"]["changed"] == 1
    page = analyst.get(f"/returns/{upload.pk}/").content.decode()
    assert "What applying it would change" in page
    # nothing has changed yet
    assert not Review.objects.filter(child__child="C2", review_code="PN2").exists()
    applied = analyst.post(f"/returns/{upload.pk}/apply/", {"version": upload.version})
    assert applied.status_code == 302
    assert Review.objects.filter(child__child="C2", review_code="PN2").exists()
    assert Episode.objects.get(child__child="C1", dec__isnull=True).place == "U4"
    assert AuditEvent.objects.filter(action="write", what="apply 903 return").exists()
    # applying twice is refused
    again = analyst.post(f"/returns/{upload.pk}/apply/", {"version": upload.version}, follow=True)
    assert "already been applied" in again.content.decode()


def test_corrupt_files_give_the_structural_report_and_change_nothing(
    as_: As, tmp_path: Path, settings: object
) -> None:
    settings.UPLOAD_ROOT = tmp_path / "uploads"  # type: ignore[attr-defined]
    before = export_dataset()
    junk = SimpleUploadedFile(
        "header.csv", b"\x00\x01\x02garbage;;;\n\xff\xfe", content_type="text/csv"
    )
    response = as_("analyst").post("/returns/", {"files": [junk]}, follow=True)
    assert response.status_code == 200
    upload = ReturnUpload.objects.get()
    assert upload.status == "rejected"
    page = response.content.decode()
    assert "cannot be applied" in page and 'id="structural"' in page
    assert as_("analyst").post(f"/returns/{upload.pk}/apply/", {"version": 1}).status_code == 302
    assert export_dataset().equals(before)


def test_an_upload_without_files_is_explained(as_: As) -> None:
    response = as_("analyst").post("/returns/", {"year": "20x6"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Select the 903 CSV files to upload" in page and "Enter the collection year" in page


@pytest.mark.slow
def test_the_validation_report_runs_the_dfe_rules_on_the_register(as_: As) -> None:
    response = as_("analyst").get(f"/returns/validation/{_year()}/")
    assert response.status_code == 200
    assert "DfE rules run" in response.content.decode()


def test_the_903_return_downloads_as_a_zip_of_dfe_files(as_: As) -> None:
    response = as_("analyst").get(f"/returns/download/{_year()}/")
    assert response.status_code == 200
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert "header.csv" in names and "episodes.csv" in names
    assert AuditEvent.objects.filter(action="export", what="download 903 return").exists()
