import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "SW08STG2",
    message="A later social worker episode has started but this one has no end date. Add the date "
    "this social worker episode ended.",
    table="SWEpisodes",
    fields=("SW_DEC",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    swe = ctx.sequence("SWEpisodes", "SW_DECOM")
    still_open = swe.filter(pl.col("ROW_prev").is_not_null() & pl.col("SW_DEC_prev").is_null())
    return ctx["SWEpisodes"].join(
        still_open.select(pl.col("ROW_prev").alias("ROW")), on="ROW", how="semi"
    )


def test_SW08STG2_earlier_episode_must_end() -> None:
    swe = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "2"],
            "SW_DECOM": ["01/05/2025", "01/06/2025", "01/05/2025", "01/06/2025"],
            "SW_DEC": [None, None, "01/06/2025", None],
        }
    )
    assert flagged("SW08STG2", 2026, {"SWEpisodes": swe}) == {"SWEpisodes": [0]}


def test_SW08STG2_an_episode_with_no_start_is_not_in_the_sequence() -> None:
    swe = pl.DataFrame(
        {"CHILD": ["1", "1"], "SW_DECOM": [None, "01/06/2025"], "SW_DEC": [None, None]}
    )
    assert flagged("SW08STG2", 2026, {"SWEpisodes": swe}) == {}
