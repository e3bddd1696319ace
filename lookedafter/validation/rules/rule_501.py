import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "501",
    message="An episode starts before the previous episode ended. Correct the start date of the "
    "later episode or the end date of the earlier one so they do not overlap.",
    table="Episodes",
    fields=("DECOM", "DEC"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    eps = ctx.sequence()
    later = eps.filter(pl.col("DECOM") < pl.col("DEC_prev"))
    earlier = ctx["Episodes"].join(
        later.select(pl.col("ROW_prev").alias("ROW")), on="ROW", how="semi"
    )
    return pl.concat([later.select(ctx["Episodes"].collect_schema().names()), earlier])


def test_501_flags_both_overlapping_episodes() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "2", "3"],
            "DECOM": ["01/05/2025", "10/05/2025", "01/05/2025", "10/05/2025", "01/05/2025"],
            "DEC": ["20/05/2025", None, "10/05/2025", None, None],
        }
    )
    assert flagged("501", 2026, {"Episodes": eps}) == {"Episodes": [0, 1]}


def test_501_an_episode_with_no_start_date_is_not_in_the_sequence() -> None:
    eps = pl.DataFrame(
        {"CHILD": ["1", "1"], "DECOM": [None, "01/05/2025"], "DEC": ["20/05/2025", None]}
    )
    assert flagged("501", 2026, {"Episodes": eps}) == {}
