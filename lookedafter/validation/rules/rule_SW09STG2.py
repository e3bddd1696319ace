import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule

# Dates carry no time, so "less than 24 hours" means ending on or before the start day. From
# 2025-26 the sector's validator treats an episode shorter than 3 days as implausible.
SHORTEST_DAYS_BEFORE_2026 = 1
SHORTEST_DAYS_FROM_2026 = 3


def _short(ctx: Context, days: int) -> pl.LazyFrame:
    length = (pl.col("SW_DEC") - pl.col("SW_DECOM")).dt.total_days()
    return ctx["SWEpisodes"].filter(length < days)


@rule(
    "SW09STG2",
    message="The social worker episode ends on or before the day it started (less than 24 hours). "
    "Check the start and end dates.",
    table="SWEpisodes",
    fields=("SW_DECOM", "SW_DEC"),
    until=2025,
)
def validate_2025(ctx: Context) -> pl.LazyFrame:
    return _short(ctx, SHORTEST_DAYS_BEFORE_2026)


@rule(
    "SW09STG2",
    message="The social worker episode lasted less than 3 days. Check the start and end dates; "
    "a very short allocation is usually a recording error.",
    table="SWEpisodes",
    fields=("SW_DECOM", "SW_DEC"),
    since=2026,
)
def validate(ctx: Context) -> pl.LazyFrame:
    return _short(ctx, SHORTEST_DAYS_FROM_2026)


def test_SW09STG2_very_short_episodes() -> None:
    swe = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "SW_DECOM": ["01/05/2025", "01/05/2025", "01/05/2025", "01/05/2025"],
            "SW_DEC": ["01/05/2025", "02/05/2025", "04/05/2025", None],
        }
    )
    assert flagged("SW09STG2", 2025, {"SWEpisodes": swe}) == {"SWEpisodes": [0]}
    assert flagged("SW09STG2", 2026, {"SWEpisodes": swe}) == {"SWEpisodes": [0, 1]}
