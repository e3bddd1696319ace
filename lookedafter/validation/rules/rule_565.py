import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "565",
    message="A missing start date is recorded but not whether the child was missing (M) or away "
    "without authorisation (A). Record M or A.",
    table="Missing",
    fields=("MISSING", "MIS_START"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Missing"].filter(pl.col("MIS_START").is_not_null() & pl.col("MISSING").is_null())


def test_565_flags_only_the_inconsistent_rows() -> None:
    frame = pl.DataFrame(
        {"CHILD": ["1", "2"], "MISSING": [None, "A"], "MIS_START": ["01/05/2025", "01/05/2025"]}
    )
    assert flagged("565", 2026, {"Missing": frame}) == {"Missing": [0]}
