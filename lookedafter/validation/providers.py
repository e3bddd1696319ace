"""Ofsted's provider lists (social care providers; children's homes), for the URN rules.

Ofsted publishes spreadsheets of registered social care providers and of children's homes, each
with a URN and, depending on the edition, the local authority, the placement and provider codes
the setting may be recorded with, its registration and closure dates and its postcode. Column
headings vary between editions, so each sheet is searched for a header row holding ``URN`` and
columns are recognised by their headings. The result is one ``Providers`` frame:

``URN, LA_NAME, PLACE_CODES (list), PROVIDER_CODES (list), REG_START, REG_END, POSTCODE, LA``

where ``LA`` is the ONS district of the provider's postcode (offline postcode data).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

import polars as pl

from lookedafter.lib import postcodes

SCHEMA: dict[str, pl.DataType] = {
    "URN": pl.String(),
    "LA_NAME": pl.String(),
    "PLACE_CODES": pl.List(pl.String),
    "PROVIDER_CODES": pl.List(pl.String),
    "REG_START": pl.Date(),
    "REG_END": pl.Date(),
    "POSTCODE": pl.String(),
    "LA": pl.String(),
}

# canonical column -> headings (lower case, single spaces) that carry it, in order of preference
HEADINGS: dict[str, tuple[str, ...]] = {
    "URN": ("urn",),
    "LA_NAME": ("local authority", "local authority name", "la name"),
    "PLACE_CODES": ("provider placement code", "placement code", "placement codes"),
    "PROVIDER_CODES": ("placement provider code", "provider code", "provider codes"),
    "REG_START": ("registration date", "date registered"),
    "REG_END": ("closed date", "deregistration date", "date closed", "closure date"),
    "POSTCODE": ("setting postcode", "setting address postcode", "postcode"),
}

_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d/%m/%y", "%Y-%m-%d %H:%M:%S")


class ProviderListError(ValueError):
    """A provider list could not be read (no sheet with a URN column, unreadable file)."""


def read_providers(paths: Iterable[str | Path]) -> pl.DataFrame:
    """Read one or more Ofsted provider lists (xlsx or csv) into one ``Providers`` frame."""
    records: list[dict[str, object]] = []
    for path in paths:
        found = 0
        for rows in _tables(Path(path)):
            batch = _records(rows)
            found += len(batch)
            records.extend(batch)
        if not found:
            raise ProviderListError(f"{path}: no sheet has a column headed URN")
    frame = pl.DataFrame(records, schema={k: v for k, v in SCHEMA.items() if k != "LA"})
    frame = frame.unique("URN", keep="first", maintain_order=True)
    if frame["POSTCODE"].drop_nulls().len() == 0:
        return frame.with_columns(pl.lit(None, pl.String).alias("LA")).select(list(SCHEMA))
    districts = postcodes.lookup_for(frame["POSTCODE"]).select(
        pl.col("PCD").alias("POSTCODE"), pl.col("LAUA").alias("LA")
    )
    return frame.join(districts, on="POSTCODE", how="left", maintain_order="left").select(
        list(SCHEMA)
    )


def _tables(path: Path) -> Iterable[Sequence[Sequence[object]]]:
    if not path.is_file():
        raise ProviderListError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:
            raise ProviderListError(f"{path}: not a readable Excel workbook ({exc})") from exc
        try:
            for sheet in book.worksheets:
                yield [tuple(row) for row in sheet.iter_rows(values_only=True)]
        finally:
            book.close()
    elif suffix == ".csv":
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
        yield list(csv.reader(io.StringIO(text)))
    else:
        raise ProviderListError(f"{path}: expected an .xlsx or .csv file")


def _heading(value: object) -> str:
    return re.sub(r"\s+", " ", str(value or "")).strip().lower()


def _records(rows: Sequence[Sequence[object]]) -> list[dict[str, object]]:
    for start, row in enumerate(rows[:20]):
        headings = [_heading(v) for v in row]
        if "urn" not in headings:
            continue
        where: dict[str, int] = {}
        for name, options in HEADINGS.items():
            for option in options:
                if option in headings:
                    where[name] = headings.index(option)
                    break
        out: list[dict[str, object]] = []
        for values in rows[start + 1 :]:
            urn = _text(_at(values, where.get("URN")))
            if not urn:
                continue
            out.append(
                {
                    "URN": urn,
                    "LA_NAME": _text(_at(values, where.get("LA_NAME"))),
                    "PLACE_CODES": _codes(_at(values, where.get("PLACE_CODES"))),
                    "PROVIDER_CODES": _codes(_at(values, where.get("PROVIDER_CODES"))),
                    "REG_START": _date(_at(values, where.get("REG_START"))),
                    "REG_END": _date(_at(values, where.get("REG_END"))),
                    "POSTCODE": _postcode(_at(values, where.get("POSTCODE"))),
                }
            )
        return out
    return []


def _at(values: Sequence[object], index: int | None) -> object:
    return values[index] if index is not None and index < len(values) else None


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def _codes(value: object) -> list[str]:
    text = _text(value)
    return [c for c in re.split(r"[/,;\s]+", text.upper()) if c] if text else []


def _postcode(value: object) -> str | None:
    text = _text(value)
    return re.sub(r"\s+", "", text).upper() if text else None


def _date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    return None
