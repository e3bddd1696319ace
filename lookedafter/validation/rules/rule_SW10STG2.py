import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "SW10STG2",
    message="This social worker episode starts before the previous one ended. Correct the start "
    "date, or the end date of the previous episode.",
    table="SWEpisodes",
    fields=("SW_DECOM",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    swe = ctx.sequence("SWEpisodes", "SW_DECOM")
    return swe.filter(pl.col("SW_DECOM") < pl.col("SW_DEC_prev"))


def test_SW10STG2_episodes_do_not_overlap() -> None:
    swe = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "2"],
            "SW_DECOM": ["01/05/2025", "01/06/2025", "01/05/2025", "01/06/2025"],
            "SW_DEC": ["02/06/2025", None, "01/06/2025", None],
        }
    )
    assert flagged("SW10STG2", 2026, {"SWEpisodes": swe}) == {"SWEpisodes": [1]}


def test_SW10STG2_an_episode_with_no_start_is_not_in_the_sequence() -> None:
    swe = pl.DataFrame(
        {
            "CHILD": ["1", "1"],
            "SW_DECOM": [None, "01/06/2025"],
            "SW_DEC": ["01/07/2025", None],
        }
    )
    assert flagged("SW10STG2", 2026, {"SWEpisodes": swe}) == {}
