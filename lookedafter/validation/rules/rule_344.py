import polars as pl

from lookedafter.validation.helpers_b import flagged, this_year
from lookedafter.validation.registry import Context, rule


@rule(
    "344",
    message="The young person has died or returned home for 6 months or more, so activity and "
    "accommodation should both be 0. Check ACTIV and ACCOM.",
    table="OC3",
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return this_year(ctx["OC3"], ctx).filter(
        pl.col("IN_TOUCH").is_in(("DIED", "RHOM"))
        & ((pl.col("ACTIV").fill_null("") != "0") | (pl.col("ACCOM").fill_null("") != "0"))
    )


def test_344_no_activity_or_accommodation_after_death_or_return_home() -> None:
    oc3 = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "IN_TOUCH": ["DIED", "RHOM", "RHOM", "YES"],
            "ACTIV": ["0", "F1", "0", "F1"],
            "ACCOM": ["0", "0", None, "S"],
        }
    )
    assert flagged("344", {"OC3": oc3}) == {"OC3": [1, 2]}
