"""Structural problems found while reading files: kept apart from the content (validation) rules."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import polars as pl


class Kind(StrEnum):
    MISSING_FILE = "missing_file"
    UNRECOGNISED_FILE = "unrecognised_file"
    EMPTY_FILE = "empty_file"
    UNREADABLE_FILE = "unreadable_file"
    WRONG_DELIMITER = "wrong_delimiter"
    MISSING_COLUMN = "missing_column"
    EXTRA_COLUMN = "extra_column"
    DUPLICATE_COLUMN = "duplicate_column"
    DUPLICATE_FILE = "duplicate_file"
    BAD_DATE = "bad_date"
    BAD_NUMBER = "bad_number"
    BAD_ROW = "bad_row"  # wrong number of fields on a line
    BAD_ENCODING = "bad_encoding"  # bytes neither UTF-8 nor cp1252: replaced, the row kept
    OPTIONAL_FILE_MISSING = "optional_file_missing"  # a table other than Header/Episodes absent
    TABLE_NOT_IN_YEAR = "table_not_in_year"  # e.g. a DoLo file in a return before 2026-27


FATAL = {Kind.MISSING_FILE, Kind.UNREADABLE_FILE, Kind.WRONG_DELIMITER, Kind.EMPTY_FILE}


@dataclass(frozen=True, slots=True)
class Issue:
    """One structural problem. ``row`` is the 0-based data row (header excluded), when known."""

    kind: Kind
    file: str
    message: str
    table: str | None = None
    row: int | None = None
    column: str | None = None
    value: str | None = None

    @property
    def fatal(self) -> bool:
        """The file (or a required table) could not be read at all."""
        return self.kind in FATAL


def issues_frame(issues: list[Issue]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "kind": [str(i.kind) for i in issues],
            "file": [i.file for i in issues],
            "table": [i.table for i in issues],
            "row": [i.row for i in issues],
            "column": [i.column for i in issues],
            "value": [i.value for i in issues],
            "message": [i.message for i in issues],
        },
        schema={
            "kind": pl.String,
            "file": pl.String,
            "table": pl.String,
            "row": pl.Int64,
            "column": pl.String,
            "value": pl.String,
            "message": pl.String,
        },
    )
