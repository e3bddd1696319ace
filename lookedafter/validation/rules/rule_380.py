import polars as pl

from lookedafter.validation.helpers_b import TEMPORARY_PLACEMENTS, flagged
from lookedafter.validation.registry import Context, rule

# The only reasons for a new episode that can lead into a temporary placement.
_INTO_TEMPORARY = ("P", "B")


@rule(
    "380",
    message="A temporary placement (T0-T4) cannot start a period of care or come with a legal "
    "status change alone: RNE must be P or B. Check RNE and PLACE.",
    table="Episodes",
    fields=("PLACE", "RNE"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        pl.col("PLACE").is_in(TEMPORARY_PLACEMENTS)
        & ~pl.col("RNE").is_in(_INTO_TEMPORARY).fill_null(False)
    )


def test_380_temporary_placements_follow_a_placement_change() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "PLACE": ["T1", "T0", "T2", "U1"],
            "RNE": ["S", "P", "L", "S"],
        }
    )
    assert flagged("380", {"Episodes": eps}) == {"Episodes": [0, 2]}
