import polars as pl

from lookedafter.validation.helpers_c import flagged, sw_period_start
from lookedafter.validation.registry import Context, rule


@rule(
    "SW07STG2",
    message="The social worker episode ends outside the reporting period. The end date must be on "
    "or after 1 April of the previous year and on or before 31 March of this year; leave it"
    " blank if the episode is still open.",
    table="SWEpisodes",
    fields=("SW_DEC",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["SWEpisodes"].filter(~pl.col("SW_DEC").is_between(sw_period_start(ctx), ctx.end))


def test_SW07STG2_end_within_reporting_period() -> None:
    swe = pl.DataFrame(
        {"CHILD": ["1", "2", "3", "4"], "SW_DEC": ["31/03/2024", "01/04/2024", "01/04/2026", None]}
    )
    assert flagged("SW07STG2", 2026, {"SWEpisodes": swe}) == {"SWEpisodes": [0, 2]}
