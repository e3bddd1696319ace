import polars as pl

from lookedafter.validation.helpers_b import d, flagged, with_dob, years_after
from lookedafter.validation.registry import Context, rule

# Placement types this age limit applies to (residential employment).
_PLACES = ("P3",)
_MIN_AGE = 14


@rule(
    "374",
    message=(
        "The child is in residential employment but was under 14 when the placement started. "
        "Check PLACE, DECOM and DOB."
    ),
    table="Episodes",
    fields=("DECOM", "PLACE"),
    needs=("Episodes", "Header"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return with_dob(ctx["Episodes"], ctx).filter(
        pl.col("PLACE").is_in(_PLACES) & (pl.col("DECOM") < years_after(pl.col("DOB_H"), _MIN_AGE))
    )


def test_374_minimum_age_for_the_placement() -> None:
    header = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DOB": [d("2010-06-02"), d("2010-06-01"), d("2020-01-01")]}
    )
    decom = d("2010-06-01").replace(year=2010 + _MIN_AGE)
    eps = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DECOM": [decom] * 3, "PLACE": ["P3", "P3", "U1"]}
    )
    assert flagged("374", {"Header": header, "Episodes": eps}) == {"Episodes": [0]}
