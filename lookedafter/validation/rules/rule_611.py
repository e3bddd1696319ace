import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "611",
    message="The child is recorded as a mother but the date of birth of her first child is blank. "
    "Add the first child's date of birth.",
    table="Header",
    fields=("MOTHER", "MC_DOB"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Header"].filter((pl.col("MOTHER") == "1") & pl.col("MC_DOB").is_null())


def test_611_flags_only_the_inconsistent_rows() -> None:
    frame = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "MOTHER": ["1", "1", "0"], "MC_DOB": [None, "01/01/2025", None]}
    )
    assert flagged("611", 2026, {"Header": frame}) == {"Header": [0]}
