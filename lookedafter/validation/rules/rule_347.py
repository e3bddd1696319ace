import polars as pl

from lookedafter.validation.helpers_b import d, flagged, this_year, years_after
from lookedafter.validation.registry import Context, rule

# Care leaver accommodation code for a foyer or similar supported accommodation.
_FOYER = "T"


@rule(
    "347",
    message="The care leaver is recorded as living in a foyer (ACCOM T) but was under 18 at the "
    "start of the year. Check ACCOM and DOB.",
    table="OC3",
    fields=("ACCOM", "DOB"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return this_year(ctx["OC3"], ctx).filter(
        (pl.col("ACCOM").str.slice(0, 1) == _FOYER)
        & (years_after(pl.col("DOB"), 18) > pl.lit(ctx.start))
    )


def test_347_foyer_only_for_adults() -> None:
    oc3 = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DOB": [d("2007-04-02"), d("2007-04-01"), d("2007-04-02")],
            "ACCOM": ["T", "TS", "S"],
        }
    )
    assert flagged("347", {"OC3": oc3}) == {"OC3": [0]}
