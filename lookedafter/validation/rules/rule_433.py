import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule

# Reasons for a new episode that continue the same period of care.
_CONTINUATION = ("L", "P", "T", "B", "U")


@rule(
    "433",
    message="The reason for new episode says care continued (L, P, T, B or U) but the episode "
    "does not start on the day the previous one ended. Check DECOM, the previous DEC and RNE.",
    table="Episodes",
    fields=("RNE", "DECOM"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    eps = ctx.sequence()
    return eps.filter(
        pl.col("RNE").is_in(_CONTINUATION)
        & pl.col("ROW_prev").is_not_null()
        & pl.col("DEC_prev").ne_missing(pl.col("DECOM"))
    )


def test_433_continuation_starts_when_the_last_episode_ends() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "2", "3"],
            "DECOM": [
                d("2025-05-01"),
                d("2025-06-02"),
                d("2025-05-01"),
                d("2025-06-01"),
                d("2025-05-01"),
            ],
            "DEC": [d("2025-06-01"), None, d("2025-06-01"), None, None],
            "RNE": ["S", "P", "S", "L", "P"],
        }
    )
    assert flagged("433", {"Episodes": eps}) == {"Episodes": [1]}
