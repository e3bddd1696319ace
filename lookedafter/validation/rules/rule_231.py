import polars as pl

from lookedafter.validation.helpers_b import d, flagged, uasc_status, years_after
from lookedafter.validation.registry import Context, rule


@rule(
    "231",
    message="The child is recorded as an unaccompanied asylum-seeking child but is under 11 at "
    "the end of the year, which is unusual. Check DOB and the UASC record; if both are right, "
    "explain in a bypass request.",
    table="Header",
    fields=("DOB", "UASC_STATUS"),
    needs=("Header", "UASC"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    uasc = uasc_status(ctx["UASC"], ctx.start).filter("UASC_STATUS").select("CHILD")
    return (
        ctx["Header"]
        .join(uasc, on="CHILD", how="semi")
        .filter(pl.col("DOB") > years_after(pl.lit(ctx.end), -11))
    )


def test_231_young_uasc_are_queried() -> None:
    header = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "DOB": [d("2015-04-01"), d("2015-03-31"), d("2015-04-01"), d("2016-01-01")],
        }
    )
    uasc = pl.DataFrame({"CHILD": ["1", "2", "4"], "DUC": [None, None, d("2020-01-01")]})
    assert flagged("231", {"Header": header, "UASC": uasc}) == {"Header": [0]}
