import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "431",
    message="The episode starts a new period of care (RNE S) on the day the previous episode "
    "ended, so care did not break. Use the RNE for what changed (L, P, T, B or U), or check the "
    "dates.",
    table="Episodes",
    fields=("RNE", "DECOM"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    eps = ctx.sequence()
    return eps.filter((pl.col("RNE") == "S") & (pl.col("DEC_prev") == pl.col("DECOM")))


def test_431_new_care_period_needs_a_gap() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "2"],
            "DECOM": [d("2025-05-01"), d("2025-06-01"), d("2025-05-01"), d("2025-06-02")],
            "DEC": [d("2025-06-01"), None, d("2025-06-01"), None],
            "RNE": ["S", "S", "S", "S"],
        }
    )
    assert flagged("431", {"Episodes": eps}) == {"Episodes": [1]}
