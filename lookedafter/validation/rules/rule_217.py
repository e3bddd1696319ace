from datetime import date

import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule

# Placed for adoption with the child's current foster carers.
_WITH_FOSTER_CARERS = ("A3", "A5")
# Reasons for a new episode that fit a placement with the same carers (or a new period).
_SAME_CARERS_RNE = ("S", "T", "U")


@rule(
    "217",
    message="The child is placed for adoption with their current foster carers (A3 or A5), so "
    "the carers have not changed: the reason for new episode must be S, T or U. Check RNE.",
    table="Episodes",
    fields=("PLACE", "DECOM", "RNE"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        pl.col("PLACE").is_in(_WITH_FOSTER_CARERS)
        & (pl.col("DECOM") >= pl.lit(date(2015, 4, 1)))
        & ~pl.col("RNE").is_in(_SAME_CARERS_RNE).fill_null(False)
    )


def test_217_adoption_by_current_carers_needs_a_same_carer_reason() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "PLACE": ["A3", "A5", "A4", "A3"],
            "RNE": ["P", "T", "P", "B"],
            "DECOM": [d("2025-05-01"), d("2025-05-01"), d("2025-05-01"), d("2014-05-01")],
        }
    )
    assert flagged("217", {"Episodes": eps}) == {"Episodes": [0]}
