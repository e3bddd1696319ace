import polars as pl

from lookedafter.validation.helpers_b import TEMPORARY_PLACEMENTS, d, flagged
from lookedafter.validation.registry import Context, rule

_FIX = (
    " A move into or out of a temporary placement (T0-T4) is not a placement change: leave "
    "REASON_PLACE_CHANGE blank on the temporary episode and on the episode before it."
)


@rule(
    "226",
    message="A reason for placement change is given where none is needed." + _FIX,
    table="Episodes",
    fields=("REASON_PLACE_CHANGE", "PLACE"),
    until=2025,
)
@rule(
    "226",
    message="A reason for placement change is given for a temporary placement." + _FIX,
    table="Episodes",
    fields=("REASON_PLACE_CHANGE", "PLACE"),
    since=2026,
)
def validate(ctx: Context) -> pl.LazyFrame:
    eps = ctx.sequence()
    return eps.filter(
        pl.col("PLACE").is_in(TEMPORARY_PLACEMENTS)
        & (
            pl.col("REASON_PLACE_CHANGE").is_not_null()
            | pl.col("REASON_PLACE_CHANGE_prev").is_not_null()
        )
    )


def test_226_no_reason_around_temporary_placements() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "3", "3"],
            "DECOM": [
                d(x) for x in ("2025-05-01", "2025-06-01", "2025-05-01", "2025-05-01", "2025-06-01")
            ],
            "PLACE": ["U1", "T1", "T3", "U1", "T4"],
            "REASON_PLACE_CHANGE": ["CARPL", None, "OTHER", None, None],
        }
    )
    for year in (2025, 2026):
        assert flagged("226", {"Episodes": eps}, year=year) == {"Episodes": [1, 2]}
