import polars as pl

from lookedafter.validation.helpers_b import flagged, this_year
from lookedafter.validation.registry import Context, rule


@rule(
    "345",
    message="The authority is in touch with the young person, so their activity and "
    "accommodation are known and cannot be 0. Enter ACTIV and ACCOM.",
    table="OC3",
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return this_year(ctx["OC3"], ctx).filter(
        (pl.col("IN_TOUCH") == "YES") & ((pl.col("ACTIV") == "0") | (pl.col("ACCOM") == "0"))
    )


def test_345_in_touch_needs_known_activity_and_accommodation() -> None:
    oc3 = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "IN_TOUCH": ["YES", "YES", "NO", "YES"],
            "ACTIV": ["0", "F1", "0", "F1"],
            "ACCOM": ["S", "0", "0", "S"],
        }
    )
    assert flagged("345", {"OC3": oc3}) == {"OC3": [0, 1]}
