import polars as pl

from lookedafter.validation.helpers_b import (
    d,
    flagged,
    previous_end,
    uasc_and_header_rows,
    uasc_both_years,
)
from lookedafter.validation.registry import Context, rule


@rule(
    "205B",
    message="The child was UASC last year and is UASC this year, but last year's date UASC "
    "ceased (DUC) says the status ended, or the two years' dates differ. Check DUC in both "
    "years.",
    table="UASC",
    fields=("DUC", "UASC"),
    needs=("UASC", "UASC_last", "Header"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    duc, duc_last = pl.col("DUC"), pl.col("DUC_last")
    ended_last_year = duc_last.is_not_null() & (duc_last <= previous_end(ctx))
    differ = duc.is_not_null() & duc_last.is_not_null() & (duc != duc_last)
    bad = uasc_both_years(ctx).filter(pl.col("LAST") & pl.col("NOW") & (ended_last_year | differ))
    return uasc_and_header_rows(bad)


def test_205B_flags_status_that_ended_last_year_or_changed_dates() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2", "3"]})
    uasc = pl.DataFrame({"CHILD": ["1", "2", "3"], "DUC": [None, d("2025-08-01"), None]})
    uasc_last = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DUC": [None, d("2025-09-01"), d("2024-12-01")]}
    )
    got = flagged("205B", {"Header": header, "UASC": uasc}, last={"UASC": uasc_last})
    # 1 passes; 2 has two different dates; 3 ceased last year (UASC_last) but is UASC now.
    assert got == {"Header": [1, 2], "UASC": [1, 2]}
