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
    needs=("UASC", "UASC_last", "Header", "Episodes"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    duc_last = pl.col("DUC_last")
    ceased_last_year = duc_last.is_between(previous_start(ctx), previous_end(ctx))
    dates_disagree = pl.col("DUC").is_not_null() & (pl.col("DUC") != duc_last)
    # A care leaver who is no longer looked after has no UASC record this year (rule 1014), so
    # their absence from the UASC file says nothing about when the status ceased.
    looked_after = ctx["Episodes"].select("CHILD").unique()
    bad = (
        uasc_both_years(ctx)
        .join(looked_after, on="CHILD", how="semi")
        .filter(
            pl.col("LAST")
            & ~pl.col("NOW")
            & (duc_last.is_null() | ~ceased_last_year | dates_disagree)
        )
    )
    return uasc_and_header_rows(bad)


def test_205A_uasc_last_year_needs_a_date_ceased_last_year() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2", "3", "4"]})
    eps = pl.DataFrame({"CHILD": ["1", "2", "3", "4"], "DECOM": [d("2024-01-01")] * 4})
    uasc = pl.DataFrame({"CHILD": ["2", "3"], "DUC": [d("2024-06-01"), d("2024-07-01")]})
    uasc_last = pl.DataFrame(
        {"CHILD": ["1", "2", "3", "4"], "DUC": [None, d("2024-06-01"), d("2024-06-01"), None]}
    )
    tables = {"Header": header, "UASC": uasc, "Episodes": eps}
    got = flagged("205A", tables, last={"UASC": uasc_last})
    # 1: UASC last year with no date ceased and not listed now; 3: dates disagree;
    # 4 stays UASC-without-end last year and is absent now.
    assert got == {"Header": [0, 2, 3], "UASC": [1]}


def test_205A_leaves_out_care_leavers_no_longer_looked_after() -> None:
    # Child 1 left care last year and is now only a care leaver (OC3): with no episodes this
    # year they have no UASC record, though their status (to their 18th birthday) ran on.
    header = pl.DataFrame({"CHILD": ["1", "2"]})
    eps = pl.DataFrame({"CHILD": ["2"], "DECOM": [d("2024-01-01")]})
    uasc = pl.DataFrame({"CHILD": [], "DUC": []}, schema={"CHILD": pl.String, "DUC": pl.Date})
    uasc_last = pl.DataFrame({"CHILD": ["1", "2"], "DUC": [d("2025-05-24"), d("2025-05-24")]})
    tables = {"Header": header, "UASC": uasc, "Episodes": eps}
    assert flagged("205A", tables, last={"UASC": uasc_last}) == {"Header": [1]}
