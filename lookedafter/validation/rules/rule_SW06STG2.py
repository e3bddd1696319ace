import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "SW06STG2",
    message="The social worker episode starts after the end of the collection year (31 March). "
    "Correct the start date or leave the episode for next year's return.",
    table="SWEpisodes",
    fields=("SW_DECOM",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["SWEpisodes"].filter(pl.col("SW_DECOM") > ctx.end)


def test_SW06STG2_start_within_reporting_year() -> None:
    swe = pl.DataFrame({"CHILD": ["1", "2"], "SW_DECOM": ["01/04/2026", "31/03/2026"]})
    assert flagged("SW06STG2", 2026, {"SWEpisodes": swe}) == {"SWEpisodes": [0]}
