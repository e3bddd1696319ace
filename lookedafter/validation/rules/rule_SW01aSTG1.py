import polars as pl

from lookedafter.validation.helpers_c import flagged, missing
from lookedafter.validation.registry import Context, rule


@rule(
    "SW01aSTG1",
    message="The social worker episode has no start date or no social worker ID. Complete both.",
    table="SWEpisodes",
    fields=("SW_DECOM", "SW_ID"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["SWEpisodes"].filter(missing("SW_DECOM", "SW_ID"))


def test_SW01aSTG1_start_and_id_required() -> None:
    swe = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "SW_ID": ["SW1", None, "SW1"],
            "SW_DECOM": ["01/05/2025", "01/05/2025", None],
        }
    )
    assert flagged("SW01aSTG1", 2026, {"SWEpisodes": swe}) == {"SWEpisodes": [1, 2]}
