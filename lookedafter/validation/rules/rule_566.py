import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "566",
    message="A missing end date is recorded but not whether the child was missing (M) or away "
    "without authorisation (A). Record M or A.",
    table="Missing",
    fields=("MISSING", "MIS_END"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Missing"].filter(pl.col("MIS_END").is_not_null() & pl.col("MISSING").is_null())


def test_566_flags_only_the_inconsistent_rows() -> None:
    frame = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "MISSING": [None, "M", None],
            "MIS_END": ["02/05/2025", "02/05/2025", None],
        }
    )
    assert flagged("566", 2026, {"Missing": frame}) == {"Missing": [0]}
