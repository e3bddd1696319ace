import polars as pl

from lookedafter.ssda903.structural import Issue, Kind
from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "SW05STG1",
    message="The end date of the social worker episode is not a valid date. Enter it as "
    "dd/mm/yyyy.",
    table="SWEpisodes",
    fields=("SW_DEC",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    bad = sorted(ctx.unparseable("SWEpisodes", "SW_DEC"))
    return ctx["SWEpisodes"].filter(pl.col("ROW").is_in(pl.Series(bad, dtype=pl.Int64).implode()))


def test_SW05STG1_flags_dates_the_reader_could_not_parse() -> None:
    swe = pl.DataFrame({"CHILD": ["1", "2"], "SW_DEC": ["01/05/2025", None]})
    issue = Issue(
        Kind.BAD_DATE,
        "social_worker_episodes.csv",
        "bad date",
        "SWEpisodes",
        1,
        "SW_DEC",
        "32/05/2025",
    )
    assert flagged("SW05STG1", 2026, {"SWEpisodes": swe}, issues=[issue]) == {"SWEpisodes": [1]}
    assert flagged("SW05STG1", 2026, {"SWEpisodes": swe}) == {}
