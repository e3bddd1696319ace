import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "621",
    message="The date of birth of the mother's first child is on or before the mother's own date of"
    " birth. Correct one of the two dates.",
    table="Header",
    fields=("DOB", "MC_DOB"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Header"].filter(pl.col("MC_DOB") <= pl.col("DOB"))


def test_621_flags_only_the_inconsistent_rows() -> None:
    frame = pl.DataFrame(
        {"CHILD": ["1", "2"], "DOB": ["01/01/2008"] * 2, "MC_DOB": ["01/01/2007", "01/01/2025"]}
    )
    assert flagged("621", 2026, {"Header": frame}) == {"Header": [0]}
