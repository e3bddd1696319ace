import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "356",
    message="The episode ends before it starts. Check DECOM and DEC.",
    table="Episodes",
    fields=("DECOM", "DEC"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(pl.col("DEC") < pl.col("DECOM"))


def test_356_flags_episodes_ending_before_they_start() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2"],
            "DECOM": [d("2025-05-02"), d("2025-05-02")],
            "DEC": [d("2025-05-01"), d("2025-05-03")],
        }
    )
    assert flagged("356", {"Episodes": eps}) == {"Episodes": [0]}
