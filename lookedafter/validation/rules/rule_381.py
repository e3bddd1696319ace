import polars as pl

from lookedafter.validation.helpers_b import TEMPORARY_PLACEMENTS, d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "381",
    message="A period of care cannot end in a temporary placement (T0-T4). Check PLACE and REC: "
    "the child should return to the usual placement first.",
    table="Episodes",
    fields=("PLACE", "REC"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        pl.col("PLACE").is_in(TEMPORARY_PLACEMENTS)
        & pl.col("REC").is_not_null()
        & (pl.col("REC") != "X1")
    )


def test_381_care_does_not_end_in_a_temporary_placement() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "PLACE": ["T1", "T1", "T1", "U1"],
            "REC": ["E13", "X1", None, "E13"],
            "DEC": [d("2025-06-01"), d("2025-06-01"), None, d("2025-06-01")],
        }
    )
    assert flagged("381", {"Episodes": eps}) == {"Episodes": [0]}
