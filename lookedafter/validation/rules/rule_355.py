import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "355",
    message="The episode starts and ends on the same day, so lasted less than 24 hours. Check "
    "DECOM and DEC; an episode under 24 hours is not recorded.",
    table="Episodes",
    fields=("DECOM", "DEC"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(pl.col("DECOM") == pl.col("DEC"))


def test_355_flags_same_day_episodes() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DECOM": [d("2025-05-01")] * 3,
            "DEC": [d("2025-05-01"), d("2025-05-02"), None],
        }
    )
    assert flagged("355", {"Episodes": eps}) == {"Episodes": [0]}
