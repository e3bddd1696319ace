import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "426",
    message="The child has short-break episodes recorded both individually (V3) and as an "
    "agreement (V4) in the same year; use one method. Check LS on these episodes.",
    table="Episodes",
    fields=("LS",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    in_year = pl.coalesce(pl.col("DEC"), pl.lit(ctx.end)) >= pl.lit(ctx.start)
    breaks = ctx["Episodes"].filter(pl.col("LS").is_in(("V3", "V4")) & in_year)
    return breaks.filter(pl.col("LS").n_unique().over("CHILD") > 1)


def test_426_one_way_of_recording_short_breaks() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "2", "3"],
            "LS": ["V3", "V4", "V3", "V3", "V4"],
            "DECOM": [
                d("2025-05-01"),
                d("2025-07-01"),
                d("2025-05-01"),
                d("2025-07-01"),
                d("2025-05-01"),
            ],
            "DEC": [d("2025-05-03"), None, d("2025-05-03"), None, None],
        }
    )
    assert flagged("426", {"Episodes": eps}) == {"Episodes": [0, 1]}
