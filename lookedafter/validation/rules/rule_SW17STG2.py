import polars as pl

from lookedafter.validation.derive import last_rows
from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, load_rules, rule


@rule(
    "SW17STG2",
    message="No social worker episode is open at 31 March: the child's latest episode has an end "
    "date. Add the current social worker's episode, or remove the end date if they are "
    "still allocated; if the child was not looked after on 31 March, leave their social "
    "worker episodes out of the return.",
    table="SWEpisodes",
    fields=("SW_DEC", "SW_DECOM"),
    since=2026,
)
def validate(ctx: Context) -> pl.LazyFrame:
    return last_rows(ctx, "SWEpisodes", "SW_DECOM").filter(pl.col("SW_DEC").is_not_null())


def test_SW17STG2_latest_episode_is_open() -> None:
    swe = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "2"],
            "SW_DECOM": ["01/05/2025", "01/06/2025", "01/05/2025", "02/05/2025"],
            "SW_DEC": ["01/06/2025", None, None, "01/03/2026"],
        }
    )
    assert flagged("SW17STG2", 2026, {"SWEpisodes": swe}) == {"SWEpisodes": [3]}
    assert not [r for r in load_rules(2025) if r.code == "SW17STG2"]
