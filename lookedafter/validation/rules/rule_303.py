import polars as pl

from lookedafter.validation.helpers_b import d, flagged, uasc_status
from lookedafter.validation.registry import Context, rule


@rule(
    "303",
    message="A date UASC ceased (DUC) is given, but it is before this collection year, so the "
    "child was not UASC this year. Check DUC, or leave the child out of this year's UASC file.",
    table="UASC",
    fields=("DUC", "UASC"),
    needs=("UASC", "Header"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    # The CSV return has no separate UASC flag: a child listed in the UASC file is UASC during
    # the year unless DUC falls before it, so a DUC before 1 April contradicts status 1.
    status = uasc_status(ctx["UASC"], ctx.start).select("CHILD", "UASC_STATUS")
    looked_after = ctx["Header"].select("CHILD").unique()
    return (
        ctx["UASC"]
        .join(looked_after, on="CHILD", how="semi")
        .join(status, on="CHILD", how="left")
        .filter(pl.col("DUC").is_not_null() & ~pl.col("UASC_STATUS"))
    )


def test_303_date_ceased_must_fall_in_a_uasc_year() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2", "3"]})
    uasc = pl.DataFrame({"CHILD": ["1", "2", "3"], "DUC": [d("2025-03-31"), d("2025-04-01"), None]})
    assert flagged("303", {"Header": header, "UASC": uasc}) == {"UASC": [0]}
