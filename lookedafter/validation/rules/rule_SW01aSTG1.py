import polars as pl

from lookedafter.validation.helpers_c import SW_COLLECTED_FROM, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "SW01aSTG1",
    message="The social worker episode has no start date, or it started before 1 April 2023 and "
    "has no social worker ID. Complete both.",
    table="SWEpisodes",
    fields=("SW_DECOM", "SW_ID"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    # Episodes from 1 April 2023 need the reason as well and are checked by SW01bSTG1.
    decom = pl.col("SW_DECOM")
    return ctx["SWEpisodes"].filter(
        decom.is_null() | ((decom < SW_COLLECTED_FROM) & pl.col("SW_ID").is_null())
    )


def test_SW01aSTG1_start_and_id_required() -> None:
    swe = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "SW_ID": ["SW1", None, "SW1", None],
            "SW_DECOM": ["01/05/2022", "01/05/2022", None, "01/05/2025"],
        }
    )
    # Row 3 (from April 2023, no ID) is SW01bSTG1's to report, not this rule's.
    assert flagged("SW01aSTG1", 2026, {"SWEpisodes": swe}) == {"SWEpisodes": [1, 2]}
    assert flagged("SW01bSTG1", 2026, {"SWEpisodes": swe.with_columns(SW_REASON=pl.lit("MANAGE"))})[
        "SWEpisodes"
    ] == [2, 3]
