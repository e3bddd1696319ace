import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "357",
    message="This is the child's first episode and it starts in this year, so the reason for "
    "new episode must be S. Check for a missing earlier episode; if there is none, set RNE to S.",
    table="Episodes",
    fields=("RNE",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    eps = ctx["Episodes"].filter(pl.col("DECOM").is_not_null())
    first = eps.filter(pl.col("DECOM") == pl.col("DECOM").min().over("CHILD"))
    return first.filter(
        (pl.col("DECOM") >= pl.lit(ctx.start)) & (pl.col("RNE").fill_null("") != "S")
    )


def test_357_first_episode_in_the_year_starts_care() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "3"],
            "DECOM": [d("2025-05-01"), d("2025-06-01"), d("2025-05-01"), d("2024-05-01")],
            "RNE": ["P", "P", "S", "P"],
        }
    )
    assert flagged("357", {"Episodes": eps}) == {"Episodes": [0]}
