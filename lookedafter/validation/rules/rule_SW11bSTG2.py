import polars as pl

from lookedafter.validation.derive import last_rows
from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "SW11bSTG2",
    message="The child's latest social worker episode ended before 31 March and no later episode is"
    " recorded. Add the episode of the social worker who took over; if the child was not looked "
    "after on 31 March, leave their social worker episodes out of the return.",
    table="SWEpisodes",
    fields=("SW_DEC",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    latest = last_rows(ctx, "SWEpisodes", "SW_DECOM")
    return latest.filter(pl.col("SW_DEC") < ctx.end)


def test_SW11bSTG2_a_successor_follows_an_ended_episode() -> None:
    swe = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "3"],
            "SW_DECOM": ["01/05/2025", "01/06/2025", "01/05/2025", "01/05/2025"],
            "SW_DEC": ["01/06/2025", None, "01/06/2025", "31/03/2026"],
        }
    )
    assert flagged("SW11bSTG2", 2026, {"SWEpisodes": swe}) == {"SWEpisodes": [2]}
