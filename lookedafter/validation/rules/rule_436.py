import polars as pl

from lookedafter.validation.helpers_b import d, flagged, placement_changed, with_previous_placement
from lookedafter.validation.registry import Context, rule

_RNE = ("B", "U")


@rule(
    "436",
    message=(
        "Reason for new episode B or U means both the legal status and the placement changed,"
        " but here one of them is unchanged. Check RNE, LS and the placement fields."
    ),
    table="Episodes",
    fields=("RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    eps = with_previous_placement(ctx)
    return eps.filter(
        pl.col("RNE").is_in(_RNE)
        & pl.col("ROW_prev").is_not_null()
        & ((pl.col("LS").eq_missing(pl.col("LS_prev"))) | ~placement_changed())
    )


def test_436_reason_matches_what_changed() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "2", "3", "3"],
            "DECOM": [d("2025-05-01"), d("2025-06-01")] * 3,
            "RNE": ["S", "B", "S", "B", "S", "B"],
            "LS": ["C1", "C2", "C1", "C1", "C1", "C2"],
            "PLACE": ["U4", "U6", "U4", "U6", "U4", "U4"],
            "PL_POST": ["M1 1AE"] * 6,
        }
    )
    assert flagged("436", {"Episodes": eps}) == {"Episodes": [3, 5]}
