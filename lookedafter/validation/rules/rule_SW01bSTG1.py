import polars as pl

from lookedafter.validation.helpers_c import SW_COLLECTED_FROM, flagged, missing
from lookedafter.validation.registry import Context, rule


@rule(
    "SW01bSTG1",
    message="The social worker episode is incomplete. Every episode needs a start date, and one "
    "starting on or after 1 April 2023 also needs the social worker ID and the reason for "
    "the change of social worker.",
    table="SWEpisodes",
    fields=("SW_DECOM", "SW_ID", "SW_REASON"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    decom = pl.col("SW_DECOM")
    return ctx["SWEpisodes"].filter(
        decom.is_null() | ((decom >= SW_COLLECTED_FROM) & missing("SW_ID", "SW_REASON"))
    )


def test_SW01bSTG1_recent_episodes_need_id_and_reason() -> None:
    swe = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "SW_ID": ["SW1", "SW1", "SW1", "SW1"],
            "SW_DECOM": ["01/05/2025", "01/05/2025", None, "01/01/2023"],
            "SW_REASON": ["MANAGE", None, "MANAGE", None],
        }
    )
    assert flagged("SW01bSTG1", 2026, {"SWEpisodes": swe}) == {"SWEpisodes": [1, 2]}
