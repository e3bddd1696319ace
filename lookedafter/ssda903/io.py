"""The DfE SSDA903 CSV files of one collection year, in and out.

``read_return`` reads the files as authorities export them: DfE column headers, dates as
dd/mm/yyyy, encoded as UTF-8, UTF-8 with a byte-order mark or Windows cp1252 (UTF-16 with a BOM is
also understood). Each file is recognised by its columns, whatever it is called. Reading never
raises: every problem with the files themselves comes back as a ``structural.Issue`` naming the
file, the 0-based data row (blank lines are not rows; the header is not a row) and the column.
Unreadable values become nulls, but rows are never dropped, so row N of a table is data row N of
its file, which is the index the validation rules report.

``write_return`` writes a return back in the same format, so writing then reading gives the same
tables.

The work is vectorised: each file is decoded once, read by Polars with every column as a string,
and then cleaned and parsed column by column. Python only looks at individual lines when a quoted
field runs over several lines, which 903 exports practically never do.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from lookedafter.schema import codes
from lookedafter.schema.dataset import Dataset, Meta
from lookedafter.schema.tables import TABLES
from lookedafter.ssda903.structural import Issue, Kind

#: The file each table is written to (reading recognises files by their columns instead).
FILE_NAMES: dict[str, str] = {
    "Header": "header.csv",
    "Episodes": "episodes.csv",
    "Reviews": "reviews.csv",
    "UASC": "uasc.csv",
    "OC2": "oc2.csv",
    "OC3": "oc3.csv",
    "AD1": "ad1.csv",
    "PlacedAdoption": "placed_for_adoption.csv",
    "PrevPerm": "prev_perm.csv",
    "Missing": "missing.csv",
    "SWEpisodes": "social_worker_episodes.csv",
    "DoLo": "dolo.csv",
}

#: Tables without which a return cannot be used at all: their absence is fatal.
REQUIRED: tuple[str, ...] = ("Header", "Episodes")

#: The subfolder holding the previous year's return.
PREVIOUS_FOLDER = "prev"

#: ``Meta.source`` of a dataset read from 903 files.
SOURCE = "ssda903"

#: At most this many issues of one kind are listed per file and column; one more counts the rest.
MAX_LISTED = 200

DATE_FORMAT = "%d/%m/%Y"
_IDENTITY = frozenset({"CHILD", "DOB", "SEX"})
_OTHER_DELIMITERS = (";", "\t", "|")
_NAMES = {";": "semicolons", "\t": "tabs", "|": "vertical bars", ",": "commas"}
# dd/mm/yyyy (one-digit day or month tolerated), or ISO yyyy-mm-dd; a midnight time is tolerated
# because spreadsheets append one to dates.
_DMY = r"^(\d{1,2}/\d{1,2}/\d{4})(?:\s+00:00(?::00)?)?$"
_ISO = r"^(\d{4}-\d{2}-\d{2})(?:[T\s]00:00(?::00)?)?$"


@dataclass(slots=True)
class ReadResult:
    """What ``read_return`` found: the return as a dataset, and the structural problems."""

    dataset: Dataset
    issues: list[Issue] = field(default_factory=list)

    @property
    def fatal(self) -> bool:
        """True when some file (or a required table) could not be read at all."""
        return any(i.fatal for i in self.issues)


def ssda903_columns() -> dict[str, list[str]]:
    """Table name -> DfE columns in file order (``codes.ssda903_files``)."""
    return codes.ssda903_files()


# ---- reading -------------------------------------------------------------------------------
def read_return(
    folder: str | Path, last: str | Path | None = None, year: int | None = None
) -> ReadResult:
    """Read one collection year's 903 CSV files from ``folder`` (and last year's, if present).

    ``last`` is the folder of the previous year's return; when it is not given, ``folder/prev``
    is used if it exists. Every regular file in the folder (not in subfolders, hidden files and
    Excel lock files aside) is read and recognised by its header: the table whose distinctive
    columns (those other than CHILD, DOB and SEX) it has most of.

    ``year`` is the collection year, named by the year it ends (2026 = 2025-26). When it is None
    it is inferred from the data: the 903 holds only episodes open during the year, so every
    episode end date (DEC) falls inside it, and the year is the one in which most DECs fall. With
    no DEC at all (every episode still open), it is the latest year in which any episode start,
    review, missing episode or social worker episode date falls, ignoring dates in the future.
    With no dates at all it stays None. The previous return is read as ``year - 1``.

    OC2 and OC3 rows get ``YEAR`` = the collection year (the canonical form's non-DfE column).
    The dataset's ``meta`` holds the collection year and ``source="ssda903"``.
    """
    root = Path(folder)
    issues: list[Issue] = []
    if not root.is_dir():
        issues.append(Issue(Kind.MISSING_FILE, str(root), f"{root} is not a folder of 903 files"))
        return ReadResult(Dataset(meta=Meta(collection_year=year, source=SOURCE)), issues)
    prev_dir = Path(last) if last is not None else root / PREVIOUS_FOLDER
    reading_prev: Future[_Folder] | None = None
    prev_issues: list[Issue] = []
    prefix = f"{PREVIOUS_FOLDER}/" if last is None else f"{prev_dir.name}/"
    with ThreadPoolExecutor(max_workers=1) as pool:
        if year is not None and prev_dir.is_dir():  # both years at once when the year is known
            reading_prev = pool.submit(_read_folder, prev_dir, year - 1, prefix, prev_issues)
        tables, labels, year = _read_folder(root, year, "", issues)
        previous: Dataset | None = None
        if not prev_dir.is_dir() and last is not None:
            prev_issues.append(
                Issue(Kind.MISSING_FILE, str(prev_dir), f"{prev_dir} is not a folder of 903 files")
            )
        elif prev_dir.is_dir():
            prev_year = year - 1 if year is not None else None
            prev_tables, prev_labels, prev_year = (
                reading_prev.result()
                if reading_prev is not None
                else _read_folder(prev_dir, prev_year, prefix, prev_issues)
            )
            if year is None and prev_year is not None:
                year = prev_year + 1
            _finish(prev_tables, prev_year, prefix, prev_issues, prev_labels)
            previous = Dataset(prev_tables, Meta(collection_year=prev_year, source=SOURCE))
    _finish(tables, year, "", issues, labels)
    dataset = Dataset(tables, Meta(collection_year=year, source=SOURCE), previous)
    return ReadResult(dataset, issues + prev_issues)


_Folder = tuple[dict[str, pl.DataFrame], dict[str, str], int | None]


def _read_folder(root: Path, year: int | None, prefix: str, issues: list[Issue]) -> _Folder:
    """The tables found in ``root`` (typed), the file each came from, and the year."""
    try:
        paths = sorted(
            p for p in root.iterdir() if p.is_file() and not p.name.startswith((".", "~$"))
        )
    except OSError as exc:
        issues.append(Issue(Kind.UNREADABLE_FILE, prefix + root.name, f"cannot list: {exc}"))
        paths = []
    found: dict[str, tuple[str, pl.DataFrame]] = {}
    for path, (table, frame, file_issues) in zip(paths, _read_files(paths, prefix), strict=True):
        label = prefix + path.name
        issues.extend(file_issues)
        if table is None or frame is None:
            continue
        if table in found:
            kept, _ = found[table]
            # Prefer the file with the standard name, else the first by name.
            if path.name == FILE_NAMES[table] and kept != prefix + FILE_NAMES[table]:
                issues.append(_duplicate(table, kept, label))
                found[table] = (label, frame)
            else:
                issues.append(_duplicate(table, label, kept))
            continue
        found[table] = (label, frame)
    tables = {name: frame for name, (_, frame) in found.items()}
    if year is None:
        year = infer_year(tables)
    return tables, {n: lab for n, (lab, _) in found.items()}, year


def _finish(
    tables: dict[str, pl.DataFrame],
    year: int | None,
    prefix: str,
    issues: list[Issue],
    labels: dict[str, str],
) -> None:
    _set_year(tables, year)
    _check_tables(tables, year, prefix, issues, labels)


def _duplicate(table: str, ignored: str, kept: str) -> Issue:
    return Issue(
        Kind.DUPLICATE_FILE,
        ignored,
        f"a second file for {table}: {kept} was read and this one ignored",
        table=table,
    )


def _set_year(tables: dict[str, pl.DataFrame], year: int | None) -> None:
    for name in ("OC2", "OC3"):
        if name in tables:
            tables[name] = tables[name].with_columns(pl.lit(year, dtype=pl.Int32).alias("YEAR"))


def _check_tables(
    tables: dict[str, pl.DataFrame],
    year: int | None,
    prefix: str,
    issues: list[Issue],
    labels: dict[str, str],
) -> None:
    """Report required tables with no file, optional ones absent, and tables not in this year."""
    for name in ssda903_columns():
        tab = TABLES[name]
        in_year = year is None or tab.exists_in(year)
        if name in tables:
            if not in_year:
                issues.append(
                    Issue(
                        Kind.TABLE_NOT_IN_YEAR,
                        labels.get(name, prefix + FILE_NAMES[name]),
                        f"{name} is not collected in {_label(year)}; read anyway",
                        table=name,
                    )
                )
            continue
        if name in REQUIRED:
            issues.append(
                Issue(
                    Kind.MISSING_FILE,
                    prefix + FILE_NAMES[name],
                    f"no file has the {name} columns ({', '.join(ssda903_columns()[name])})",
                    table=name,
                )
            )
        elif in_year and year is not None:
            issues.append(
                Issue(
                    Kind.OPTIONAL_FILE_MISSING,
                    prefix + FILE_NAMES[name],
                    f"no file has the {name} columns; read as an empty table",
                    table=name,
                )
            )


def _label(year: int | None) -> str:
    return "an unknown year" if year is None else f"{year - 1}-{str(year)[2:]}"


def infer_year(tables: dict[str, pl.DataFrame]) -> int | None:
    """The collection year the tables describe (see ``read_return``), or None with no dates."""
    decs = tables.get("Episodes")
    if decs is not None and decs.height:
        years = _collection_years(decs.get_column("DEC"))
        if years.len():
            counts = years.value_counts(sort=True)
            top = counts.get_column("count").max()
            return int(counts.filter(pl.col("count") == top).get_column(years.name).max())  # type: ignore[arg-type]
    today = datetime.now(UTC).date()
    latest: int | None = None
    for name, col in (
        ("Episodes", "DECOM"),
        ("Reviews", "REVIEW"),
        ("Missing", "MIS_START"),
        ("Missing", "MIS_END"),
        ("SWEpisodes", "SW_DECOM"),
        ("SWEpisodes", "SW_DEC"),
        ("PlacedAdoption", "DATE_PLACED"),
    ):
        frame = tables.get(name)
        if frame is None or not frame.height:
            continue
        dates = frame.get_column(col).drop_nulls()
        dates = dates.filter(dates <= today)
        years = _collection_years(dates)
        if years.len():
            top_year = int(years.max())  # type: ignore[arg-type]
            latest = top_year if latest is None else max(latest, top_year)
    return latest


def _collection_years(dates: pl.Series) -> pl.Series:
    d = dates.drop_nulls()
    return (d.dt.year() + (d.dt.month() >= 4).cast(pl.Int32)).alias("year")


# ---- one file ------------------------------------------------------------------------------
def _read_files(
    paths: list[Path], prefix: str
) -> list[tuple[str | None, pl.DataFrame | None, list[Issue]]]:
    """Each file's table, frame and issues, in the order given; read two at a time (Polars
    parses one file while Python prepares the other)."""

    def one(path: Path) -> tuple[str | None, pl.DataFrame | None, list[Issue]]:
        issues: list[Issue] = []
        table, frame = _read_file(path, prefix + path.name, issues)
        return table, frame, issues

    if len(paths) < 2:
        return [one(p) for p in paths]
    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(one, paths))


def _read_file(
    path: Path, label: str, issues: list[Issue]
) -> tuple[str | None, pl.DataFrame | None]:
    """Recognise and read one file; append its issues. Never raises."""
    try:
        return _read_file_inner(path, label, issues)
    except Exception as exc:  # the last line of defence: reading never crashes
        issues.append(
            Issue(Kind.UNREADABLE_FILE, label, f"could not be read: {type(exc).__name__}: {exc}")
        )
        return None, None


def _read_file_inner(
    path: Path, label: str, issues: list[Issue]
) -> tuple[str | None, pl.DataFrame | None]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        issues.append(Issue(Kind.UNREADABLE_FILE, label, f"could not be opened: {exc}"))
        return None, None
    text, problem, replaced = _decode(raw)
    if text is None:
        issues.append(Issue(Kind.UNREADABLE_FILE, label, problem))
        return None, None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.removeprefix("\ufeff")

    # The header is the first non-blank line.
    pos = 0
    while True:
        nl = text.find("\n", pos)
        line = text[pos:] if nl < 0 else text[pos:nl]
        if line.strip():
            break
        if nl < 0:
            issues.append(Issue(Kind.EMPTY_FILE, label, "the file is empty (no header row)"))
            return None, None
        pos = nl + 1
    header_line = line
    body = "" if nl < 0 else text[nl + 1 :]

    sep = ","
    names = _split_header(header_line, sep)
    table = _recognise(names)
    if table is None and len(names) == 1:
        for other in _OTHER_DELIMITERS:
            if other in header_line:
                alt = _split_header(header_line, other)
                alt_table = _recognise(alt)
                if alt_table is not None:
                    sep, names, table = other, alt, alt_table
                    issues.append(
                        Issue(
                            Kind.WRONG_DELIMITER,
                            label,
                            f"fields are separated by {_NAMES[other]}, not commas as the DfE "
                            f"requires; read as {table} but it must be saved again with commas",
                            table=table,
                        )
                    )
                    break
    if table is None:
        if "\ufffd" in header_line or _looks_binary(header_line):
            issues.append(Issue(Kind.UNREADABLE_FILE, label, "not a text CSV file"))
        else:
            shown = ", ".join(n for n in names[:8] if n) or "(none)"
            issues.append(
                Issue(
                    Kind.UNRECOGNISED_FILE,
                    label,
                    f"its columns ({shown}) are not those of any 903 file; ignored",
                    value=header_line[:200],
                )
            )
        return None, None

    if replaced:
        issues.append(
            Issue(
                Kind.BAD_ENCODING,
                label,
                "some bytes could not be decoded (the file is neither clean UTF-8 nor "
                "Windows-1252) and were replaced by \ufffd",
                table=table,
            )
        )

    wanted = ssda903_columns()[table]
    positions: dict[str, int] = {}
    for i, name in enumerate(names):
        if name in wanted and name not in positions:
            positions[name] = i
        elif name in positions:
            issues.append(
                Issue(
                    Kind.DUPLICATE_COLUMN,
                    label,
                    f"column {name} appears more than once; field {positions[name] + 1} was read, "
                    f"field {i + 1} ignored",
                    table=table,
                    column=name,
                )
            )
        else:
            what = f"column {name}" if name else f"unnamed column (field {i + 1})"
            issues.append(
                Issue(
                    Kind.EXTRA_COLUMN,
                    label,
                    f"{what} is not a DfE {table} column; ignored",
                    table=table,
                    column=name or None,
                )
            )
    for name in wanted:
        if name not in positions:
            issues.append(
                Issue(
                    Kind.MISSING_COLUMN,
                    label,
                    f"column {name} is missing; read as blank",
                    table=table,
                    column=name,
                )
            )

    grid, counts, strip = _read_body(body, sep, len(names), label, issues)
    if grid is None or counts is None:
        return None, None
    n = len(names)
    if bool((counts != n).any()):
        ragged = (
            counts.alias("FIELDS")
            .to_frame()
            .with_row_index("ROW")
            .filter(pl.col("FIELDS") != n)
            .select("ROW", pl.col("FIELDS").cast(pl.String).alias("V"))
        )
        _add_issues(
            issues,
            Kind.BAD_ROW,
            label,
            table,
            None,
            ragged,
            lambda v: f"the row has {v} fields; the header has {n}",
        )

    cleaned: list[pl.Expr] = []
    for name in wanted:
        if name in positions and strip:
            c = pl.col(f"c{positions[name]}").str.strip_chars()
            cleaned.append(pl.when(c == "").then(None).otherwise(c).alias(name))
        elif name in positions:  # no field has spaces around it; "" is already null
            cleaned.append(pl.col(f"c{positions[name]}").alias(name))
        else:
            cleaned.append(pl.lit(None, dtype=pl.String).alias(name))
    strings = grid.select(cleaned)
    if replaced:
        for name in positions:
            bad = strings.with_row_index("ROW").filter(
                pl.col(name).str.contains("\ufffd", literal=True)
            )
            _add_issues(
                issues,
                Kind.BAD_ENCODING,
                label,
                table,
                name,
                bad.select("ROW", pl.col(name).alias("V")),
                lambda v: f"undecodable bytes in {v!r}",
            )
    return table, _parse_types(table, strings, label, issues)


def _decode(raw: bytes) -> tuple[str | None, str, bool]:
    """Text, a problem message (when the text is None), and whether bytes were replaced."""
    if not raw.strip():
        return "", "", False
    if raw.startswith(b"PK\x03\x04"):
        return None, "a ZIP or Excel workbook, not a CSV file: save it as CSV", False
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = raw.decode("utf-16", errors="replace")
        return text, "", "\ufffd" in text
    if b"\x00" in raw:
        return None, "contains NUL bytes: binary data, not a CSV text file", False
    try:
        return raw.decode("utf-8-sig"), "", False
    except UnicodeDecodeError:
        pass
    # Not valid UTF-8. If it still holds valid multi-byte UTF-8 characters, it is UTF-8 with a
    # few bad bytes (replace them); otherwise it is Windows-1252, as Excel saves "CSV".
    lenient = raw.decode("utf-8-sig", errors="replace")
    if not lenient.replace("\ufffd", "").isascii():
        return lenient, "", True
    body = raw.removeprefix(b"\xef\xbb\xbf")
    try:
        return body.decode("cp1252"), "", False
    except UnicodeDecodeError:
        return body.decode("cp1252", errors="replace"), "", True


def _looks_binary(text: str) -> bool:
    """Whether a (non-blank) line is mostly control characters."""
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r")
    return controls / len(text) > 0.05


def _split_header(line: str, sep: str) -> list[str]:
    try:
        fields = next(csv.reader([line], delimiter=sep, strict=False))
    except (csv.Error, StopIteration):
        fields = line.split(sep)
    return [f.strip().strip("\ufeff").strip().strip('"').strip().upper() for f in fields]


def _recognise(names: Iterable[str]) -> str | None:
    """The table whose distinctive columns the header has most of (ties: the larger share)."""
    present = set(names)
    best: tuple[int, float] = (0, 0.0)
    found: str | None = None
    for table, columns in ssda903_columns().items():
        distinctive = [c for c in columns if c not in _IDENTITY]
        hits = sum(1 for c in distinctive if c in present)
        score = (hits, hits / len(distinctive))
        if hits and score > best:
            best, found = score, table
    return found


def _read_body(
    body: str, sep: str, n: int, label: str, issues: list[Issue]
) -> tuple[pl.DataFrame | None, pl.Series | None, bool]:
    """The data rows as string columns c0..c{n-1}, each row's number of fields, and whether
    values may need white space stripped.

    Blank lines are not rows. A row with too few fields has nulls at the end; fields beyond the
    header's are dropped.
    """
    schema = {f"c{i}": pl.String for i in range(n)}
    if not body.strip():
        return pl.DataFrame(schema=schema), pl.Series("FIELDS", [], dtype=pl.UInt32), False
    data = body.encode("utf-8")
    if '"' in body:
        lines = pl.Series("line", [body]).str.split("\n").explode()
        if lines[-1] == "":
            lines = lines.head(lines.len() - 1)
        odd = (lines.str.count_matches('"', literal=True) % 2) == 1
        if bool(odd.any()):
            return _read_body_python(body, sep, n, label, issues)
        bare = lines.str.replace_all(r'"[^"]*"', "")
        counts = (bare.str.count_matches(sep, literal=True) + 1).cast(pl.UInt32)
        strip = True
    else:
        counts, padded = _field_counts(data, sep)
        strip = padded or not body.isascii()
    try:
        grid = pl.read_csv(
            data,
            has_header=False,
            separator=sep,
            schema=schema,
            truncate_ragged_lines=True,
            missing_columns="insert",
            raise_if_empty=False,
            quote_char='"',
        )
    except Exception:
        return _read_body_python(body, sep, n, label, issues)
    if grid.height != counts.len():  # pragma: no cover (defensive: Polars split lines otherwise)
        return _read_body_python(body, sep, n, label, issues)
    one_field = counts == 1
    if not one_field.any():  # a blank line has one (empty) field
        return grid, counts.alias("FIELDS"), strip
    first = pl.col("c0").str.strip_chars()
    blank = one_field & grid.select(first.is_null() | (first == "")).to_series()
    if not blank.any():
        return grid, counts.alias("FIELDS"), strip
    keep = ~blank
    return grid.filter(keep), counts.filter(keep).alias("FIELDS"), strip


# Below this size the fields are counted in plain Python (no numpy import: a small return is
# read in a fraction of a second, and importing numpy alone would cost a noticeable part of it).
# A 1,000-child authority's largest file (episodes) is about 170 KB; above this size numpy
# counts several times faster (a national return's 4 MB header: 0.15 s in Python).
SMALL_DATA = 512 * 1024


def _field_counts(data: bytes, sep: str) -> tuple[pl.Series, bool]:
    """Fields on each line of ``data`` (which has no quotes), counted on the raw bytes; and
    whether any field may start or end with white space, in which case values must be stripped.

    In ASCII text a field starts or ends with white space only if a space sits next to a
    separator or a line end (or at either end of the data), or the text holds a tab, vertical
    tab or form feed anywhere (taken as a yes without looking closer).
    """
    if len(data) < SMALL_DATA:
        return _field_counts_small(data, sep)
    import numpy as np

    arr = np.frombuffer(data, dtype=np.uint8)
    size = len(arr)
    ends = np.flatnonzero(arr == 10)
    if not data.endswith(b"\n"):
        ends = np.append(ends, size)
    seps = np.flatnonzero(arr == ord(sep))
    before_end = np.searchsorted(seps, ends)
    counts = pl.Series("FIELDS", np.diff(before_end, prepend=0) + 1, dtype=pl.UInt32)
    if any(ch in data for ch in (b"\t", b"\v", b"\f")):
        return counts, True
    spaces = np.flatnonzero(arr == 32)
    if not len(spaces):
        return counts, False
    if spaces[0] == 0 or spaces[-1] == size - 1:
        return counts, True
    bounds = np.zeros(256, dtype=bool)
    bounds[[10, ord(sep)]] = True
    return counts, bool(bounds[arr[spaces - 1]].any() or bounds[arr[spaces + 1]].any())


def _field_counts_small(data: bytes, sep: str) -> tuple[pl.Series, bool]:
    """:func:`_field_counts` for small data, in plain Python (same results)."""
    lines = data.split(b"\n")
    if data.endswith(b"\n"):
        lines.pop()
    sep_byte = sep.encode("ascii")
    counts = pl.Series("FIELDS", [line.count(sep_byte) + 1 for line in lines], dtype=pl.UInt32)
    if any(ch in data for ch in (b"\t", b"\v", b"\f")):
        return counts, True
    if b" " not in data:
        return counts, False
    if data.startswith(b" ") or data.endswith(b" "):
        return counts, True
    edge = b"[\n" + re.escape(sep_byte) + b"]"
    return counts, re.search(edge + b" | " + edge, data) is not None


def _read_body_python(
    body: str, sep: str, n: int, label: str, issues: list[Issue]
) -> tuple[pl.DataFrame | None, pl.Series | None, bool]:
    """The slow, exact path for files with quoted fields over several lines (or odd quotes)."""
    columns: list[list[str | None]] = [[] for _ in range(n)]
    counts: list[int] = []
    reader = csv.reader(io.StringIO(body), delimiter=sep, strict=False)
    row = 0
    try:
        for record in reader:
            if not record or (len(record) == 1 and not record[0].strip()):
                continue
            counts.append(len(record))
            for i in range(n):
                columns[i].append(record[i] if i < len(record) else None)
            row += 1
    except csv.Error as exc:
        issues.append(
            Issue(
                Kind.UNREADABLE_FILE,
                label,
                f"cannot be parsed as CSV from data row {row}: {exc}",
                row=row,
            )
        )
        return None, None, True
    grid = pl.DataFrame({f"c{i}": pl.Series(columns[i], dtype=pl.String) for i in range(n)})
    return grid, pl.Series("FIELDS", counts, dtype=pl.UInt32), True


def _parse_types(
    table: str, strings: pl.DataFrame, label: str, issues: list[Issue]
) -> pl.DataFrame:
    """Cast each column to its declared dtype; bad values become nulls and issues.

    Dates are parsed in two passes: a fast one for the exact dd/mm/yyyy the DfE asks for, then,
    only when some values did not parse, the tolerant ``parse_date`` on that column.
    """
    exprs: list[pl.Expr] = []
    checks: list[tuple[str, Kind]] = []
    for name in strings.columns:
        dtype = TABLES[table].column_index[name].dtype
        c = pl.col(name)
        if dtype == pl.Date:
            exprs.append(_parse_exact_date(c).alias(name))
            checks.append((name, Kind.BAD_DATE))
        elif dtype.is_integer():
            exprs.append(parse_int(c, dtype).alias(name))
            checks.append((name, Kind.BAD_NUMBER))
        else:
            exprs.append(c)
    typed = strings.select(exprs)
    for name, kind in checks:
        if typed.get_column(name).null_count() == strings.get_column(name).null_count():
            continue  # every value parsed
        if kind is Kind.BAD_DATE:
            slow = strings.select(parse_date(pl.col(name))).to_series()
            typed = typed.with_columns(pl.coalesce(pl.col(name), slow).alias(name))
        bad = (
            strings.select(pl.col(name).alias("V"))
            .with_columns(typed.get_column(name).alias("T"))
            .with_row_index("ROW")
            .filter(pl.col("V").is_not_null() & pl.col("T").is_null())
        )
        what = "a date (dd/mm/yyyy)" if kind is Kind.BAD_DATE else "a whole number"
        _add_issues(issues, kind, label, table, name, bad.select("ROW", "V"), _not_a(what))
    return typed


def _parse_exact_date(c: pl.Expr) -> pl.Expr:
    exact = (c.str.len_bytes() == 10) & (c.str.slice(2, 1) == "/") & (c.str.slice(5, 1) == "/")
    return pl.when(exact).then(c.str.to_date(DATE_FORMAT, strict=False))


def _not_a(what: str) -> Callable[[str], str]:
    def message(value: str) -> str:
        return f"{value!r} is not {what}; read as blank"

    return message


def parse_date(expr: pl.Expr) -> pl.Expr:
    """dd/mm/yyyy (or ISO yyyy-mm-dd, or either with a midnight time) as ``pl.Date``."""
    dmy = expr.str.extract(_DMY, 1).str.to_date("%d/%m/%Y", strict=False)
    iso = expr.str.extract(_ISO, 1).str.to_date("%Y-%m-%d", strict=False)
    return pl.coalesce(dmy, iso)


def parse_int(expr: pl.Expr, dtype: pl.DataType) -> pl.Expr:
    """Whole numbers, allowing a spreadsheet's ``12.0``; anything else (or out of range) null."""
    as_float = expr.cast(pl.Float64, strict=False)
    whole = pl.when(as_float == as_float.round(0)).then(as_float)
    return pl.coalesce(expr.cast(dtype, strict=False), whole.cast(dtype, strict=False))


def _add_issues(
    issues: list[Issue],
    kind: Kind,
    label: str,
    table: str,
    column: str | None,
    rows: pl.DataFrame,
    make: Callable[[str], str],
) -> None:
    """One issue per row of ``rows`` (columns ROW, V), at most ``MAX_LISTED`` then a summary."""
    if not rows.height:
        return
    for row, value in rows.head(MAX_LISTED).iter_rows():
        issues.append(
            Issue(kind, label, make(value), table=table, row=int(row), column=column, value=value)
        )
    rest = rows.height - MAX_LISTED
    if rest > 0:
        issues.append(
            Issue(
                kind,
                label,
                f"… and {rest} more rows with the same problem",
                table=table,
                column=column,
            )
        )


# ---- writing -------------------------------------------------------------------------------
def write_return(dataset: Dataset, folder: str | Path) -> list[Path]:
    """Write the 903 tables of ``dataset`` as the DfE CSV files in ``folder``; return the paths.

    Columns in DfE order, dates dd/mm/yyyy, UTF-8, no non-DfE columns (OC2/OC3 ``YEAR`` is
    dropped). Every table collected in ``meta.collection_year`` is written, an empty one as a
    header line (DoLo from 2026-27, SWEpisodes from 2023-24); tables not collected that year are
    not written. With no collection year, the tables without a year limit are written, and the
    others only when the dataset has them. ``previous`` goes to ``folder/prev``.
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    year = dataset.meta.collection_year
    written: list[Path] = []
    for name, columns in ssda903_columns().items():
        tab = TABLES[name]
        if year is not None and not tab.exists_in(year):
            continue
        if year is None and name not in dataset and tab.years != (2000, None):
            continue
        path = out / FILE_NAMES[name]
        dataset[name].select(columns).write_csv(path, date_format=DATE_FORMAT)
        written.append(path)
    if dataset.previous is not None:
        written += write_return(dataset.previous, out / PREVIOUS_FOLDER)
    return written
