import polars as pl

from lookedafter.validation.helpers_b import (
    d,
    flagged,
    previous_end,
    previous_start,
    uasc_and_header_rows,
    uasc_both_years,
)
from lookedafter.validation.registry import Context, rule


@rule(
    "205A",
    message="The child was UASC last year but is not UASC this year, so UASC status must have "
    "ceased during last year. Check the date UASC ceased (DUC) in both years' UASC files.",
    table="UASC",
    fields=("CHILD", "UASC"),
    needs=("UASC", "UASC_last", "Header"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    duc_last = pl.col("DUC_last")
    ceased_last_year = duc_last.is_between(previous_start(ctx), previous_end(ctx))
    dates_disagree = pl.col("DUC").is_not_null() & (pl.col("DUC") != duc_last)
    bad = uasc_both_years(ctx).filter(
        pl.col("LAST") & ~pl.col("NOW") & (duc_last.is_null() | ~ceased_last_year | dates_disagree)
    )
    return uasc_and_header_rows(bad)


def test_205A_uasc_last_year_needs_a_date_ceased_last_year() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2", "3", "4"]})
    uasc = pl.DataFrame({"CHILD": ["2", "3"], "DUC": [d("2024-06-01"), d("2024-07-01")]})
    uasc_last = pl.DataFrame(
        {"CHILD": ["1", "2", "3", "4"], "DUC": [None, d("2024-06-01"), d("2024-06-01"), None]}
    )
    got = flagged("205A", {"Header": header, "UASC": uasc}, last={"UASC": uasc_last})
    # 1: UASC last year with no date ceased and not listed now; 3: dates disagree;
    # 4 stays UASC-without-end last year and is absent now.
    assert got == {"Header": [0, 2, 3], "UASC": [1]}
