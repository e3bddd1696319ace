import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "564",
    message="The child is recorded as missing or away without authorisation but the start date is "
    "blank. Add the date the episode started.",
    table="Missing",
    fields=("MISSING", "MIS_START"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Missing"].filter(pl.col("MISSING").is_not_null() & pl.col("MIS_START").is_null())


def test_564_flags_only_the_inconsistent_rows() -> None:
    frame = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "MISSING": ["M", "A", None],
            "MIS_START": [None, "01/05/2025", None],
        }
    )
    assert flagged("564", 2026, {"Missing": frame}) == {"Missing": [0]}
