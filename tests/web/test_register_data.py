"""The register holds the canonical dataset faithfully, and its schema matches the models."""

from __future__ import annotations

from io import StringIO
from typing import Any

from django.core.management import call_command
from web_sample import sample_dataset

from lookedafter.schema.tables import TABLES
from lookedafter.web.register.dataset_io import export_dataset, load_dataset
from lookedafter.web.register.models import MERGED_INTO_CHILD, MIRRORED


def test_every_canonical_table_is_in_the_register() -> None:
    assert set(TABLES) == set(MIRRORED) | set(MERGED_INTO_CHILD)


def test_a_dataset_goes_in_and_comes_out_the_same(db: Any) -> None:
    ds = sample_dataset()
    load_dataset(ds)
    out = export_dataset()
    for name in ds.tables:
        a, b = ds[name], out[name]
        assert a.sort(a.columns).equals(b.sort(b.columns)), name


def test_the_migrations_match_the_models(db: Any) -> None:
    out = StringIO()
    call_command("makemigrations", "register", "--check", "--dry-run", stdout=out)


def test_loaddataset_and_exportdataset_commands(db: Any, tmp_path: Any) -> None:
    sample_dataset().write(tmp_path / "in")
    out = StringIO()
    call_command("loaddataset", str(tmp_path / "in"), stdout=out)
    assert "Episodes" in out.getvalue()
    call_command("exportdataset", str(tmp_path / "out"), stdout=StringIO())
    assert (tmp_path / "out" / "Episodes.parquet").exists()


def test_demousers_creates_one_signed_up_person_per_role(db: Any) -> None:
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from lookedafter.web.register.models import ROLES_NEEDING_OTP, Role

    load_dataset(sample_dataset())
    out = StringIO()
    call_command("demousers", stdout=out)
    text = out.getvalue()
    users = get_user_model().objects.select_related("staff")
    assert {u.staff.role for u in users} == {value for value, _ in Role.choices}
    sw = users.get(staff__role=Role.SOCIAL_WORKER)
    assert sw.staff.worker_code in {"SW1", "SW2", "SW9"} and "password" in text
    for u in users:
        assert TOTPDevice.objects.filter(user=u).exists() == (u.staff.role in ROLES_NEEDING_OTP)
    assert text.count("TOTP secret") == len(ROLES_NEEDING_OTP)
