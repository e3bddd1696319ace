import polars as pl

from lookedafter.validation.helpers_b import TEMPORARY_PLACEMENTS, d, flagged
from lookedafter.validation.registry import Context, rule

# Reasons for a new episode that mean the placement changed.
_PLACEMENT_CHANGED = ("P", "B", "T", "U")


@rule(
    "225",
    message="The placement ended and the next episode starts a new placement, so a reason for "
    "the placement change is needed. Enter REASON_PLACE_CHANGE.",
    table="Episodes",
    fields=("REASON_PLACE_CHANGE",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    eps = ctx.sequence()
    return eps.filter(
        (pl.col("REC") == "X1")
        & pl.col("REASON_PLACE_CHANGE").is_null()
        & ~pl.col("PLACE").is_in(TEMPORARY_PLACEMENTS).fill_null(False)
        & pl.col("RNE_next").is_in(_PLACEMENT_CHANGED)
        & ~pl.col("PLACE_next").is_in(TEMPORARY_PLACEMENTS).fill_null(False)
    )


def test_225_reason_needed_when_a_placement_changes() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "2", "3", "3"],
            "DECOM": [d("2025-06-01"), d("2025-06-05")] * 3,
            "RNE": ["S", "P", "S", "L", "S", "P"],
            "PLACE": ["U1", "U4", "U1", "U1", "U1", "T1"],
            "REC": ["X1", None, "X1", None, "X1", None],
            "REASON_PLACE_CHANGE": [None] * 6,
        }
    )
    assert flagged("225", {"Episodes": eps}) == {"Episodes": [0]}
