import polars as pl

from lookedafter.validation.helpers_b import d, days_between, flagged
from lookedafter.validation.registry import Context, rule

_MAX_DAYS = 75


@rule(
    "367",
    message="The child had more than 75 days of short breaks (LS V3) in the year, more than "
    "the maximum. Check the V3 episodes' DECOM and DEC, or the legal status.",
    table="Episodes",
    fields=("LS", "DECOM", "DEC"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    start = pl.max_horizontal(pl.col("DECOM"), pl.lit(ctx.start))
    end = pl.min_horizontal(pl.coalesce(pl.col("DEC"), pl.lit(ctx.end)), pl.lit(ctx.end))
    breaks = (
        ctx["Episodes"]
        .filter((pl.col("LS") == "V3") & pl.col("DECOM").is_not_null())
        .with_columns(days_between(start, end).alias("_DAYS"))
        .filter(pl.col("_DAYS") > 0)
    )
    return breaks.filter(pl.col("_DAYS").sum().over("CHILD") > _MAX_DAYS)


def test_367_at_most_75_days_of_short_breaks() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "2", "3"],
            "LS": ["V3", "V3", "V3", "C2", "V3"],
            "DECOM": [
                d("2025-05-01"),
                d("2025-07-01"),
                d("2025-05-01"),
                d("2025-07-01"),
                d("2025-01-01"),
            ],
            "DEC": [
                d("2025-06-10"),
                d("2025-08-10"),
                d("2025-06-10"),
                d("2025-10-01"),
                d("2025-06-01"),
            ],
        }
    )
    # Child 1: 40 + 40 days; child 3 only counts from 1 April (61 days).
    assert flagged("367", {"Episodes": eps}) == {"Episodes": [0, 1]}
