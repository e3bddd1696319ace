import polars as pl

from lookedafter.validation.helpers_b import (
    d,
    flagged,
    uasc_and_header_rows,
    uasc_both_years,
)
from lookedafter.validation.registry import Context, rule


@rule(
    "205C",
    message="A date UASC ceased (DUC) is given but the child was not UASC this year or last "
    "year. Remove DUC or correct the child's UASC records.",
    table="UASC",
    fields=("DUC", "UASC"),
    needs=("UASC", "UASC_last", "Header"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    bad = uasc_both_years(ctx).filter(
        pl.col("DUC").is_not_null() & ~pl.col("NOW") & ~pl.col("LAST")
    )
    return uasc_and_header_rows(bad)


def test_205C_flags_an_old_date_ceased() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2", "3"]})
    uasc = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DUC": [d("2022-01-01"), d("2024-06-01"), d("2025-06-01")]}
    )
    uasc_last = pl.DataFrame({"CHILD": ["2"], "DUC": [d("2024-06-01")]})
    got = flagged("205C", {"Header": header, "UASC": uasc}, last={"UASC": uasc_last})
    assert got == {"Header": [0], "UASC": [0]}
