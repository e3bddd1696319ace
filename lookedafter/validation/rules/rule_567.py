import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "567",
    message="The missing or away episode ends before it starts. Correct the start or end date.",
    table="Missing",
    fields=("MIS_START", "MIS_END"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Missing"].filter(pl.col("MIS_END") < pl.col("MIS_START"))


def test_567_flags_only_the_inconsistent_rows() -> None:
    frame = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "MIS_START": ["02/05/2025"] * 3,
            "MIS_END": ["01/05/2025", "02/05/2025", None],
        }
    )
    assert flagged("567", 2026, {"Missing": frame}) == {"Missing": [0]}
