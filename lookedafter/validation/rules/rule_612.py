import polars as pl

from lookedafter.validation.helpers_c import FEMALE, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "612",
    message="A date of birth of a first child is recorded but the child is not recorded as a "
    "mother. Set MOTHER to 1, or remove the date.",
    table="Header",
    fields=("SEX", "MOTHER", "MC_DOB"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Header"].filter(
        (pl.col("SEX") == FEMALE)
        & (pl.col("MOTHER").ne_missing("1"))
        & pl.col("MC_DOB").is_not_null()
    )


def test_612_flags_only_the_inconsistent_rows() -> None:
    frame = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "SEX": ["F", "F", "F", "M"],
            "MOTHER": ["0", None, "1", None],
            "MC_DOB": ["01/01/2025", "01/01/2025", "01/01/2025", None],
        }
    )
    assert flagged("612", 2026, {"Header": frame}) == {"Header": [0, 1]}
