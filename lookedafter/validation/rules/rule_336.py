import polars as pl

from lookedafter.validation.helpers_b import (
    ADOPTION_PLACEMENTS,
    FOSTER_PLACEMENTS,
    d,
    flagged,
)
from lookedafter.validation.registry import Context, rule

# Placed for adoption with the child's current foster carers.
_WITH_CARERS = ("A3", "A5")


@rule(
    "336",
    message="The child is placed for adoption with their current foster carers (A3/A5) but "
    "the episode before is not a foster or adoption placement. Check PLACE in both episodes.",
    table="Episodes",
    fields=("PLACE",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    before = ADOPTION_PLACEMENTS + FOSTER_PLACEMENTS
    eps = ctx.sequence()
    return eps.filter(
        pl.col("PLACE").is_in(_WITH_CARERS)
        & pl.col("ROW_prev").is_not_null()
        & ~pl.col("PLACE_prev").is_in(before).fill_null(False)
    )


def test_336_foster_placement_before_adoption_by_carers() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "2", "3"],
            "DECOM": [
                d("2025-05-01"),
                d("2025-06-01"),
                d("2025-05-01"),
                d("2025-06-01"),
                d("2025-05-01"),
            ],
            "PLACE": ["T1", "A3", "U4", "A5", "A3"],
        }
    )
    assert flagged("336", {"Episodes": eps}) == {"Episodes": [1]}
