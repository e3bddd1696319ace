import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "233",
    message="A reason for placement change is recorded but the episode has not ended. Leave "
    "REASON_PLACE_CHANGE blank until the episode ceases (or enter DEC).",
    table="Episodes",
    fields=("REASON_PLACE_CHANGE",),
    since=2026,
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        pl.col("DEC").is_null() & pl.col("REASON_PLACE_CHANGE").is_not_null()
    )


def test_233_no_reason_on_an_open_episode() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DEC": [None, d("2025-09-01"), None],
            "REASON_PLACE_CHANGE": ["CARPL", "CARPL", None],
        }
    )
    assert flagged("233", {"Episodes": eps}) == {"Episodes": [0]}
