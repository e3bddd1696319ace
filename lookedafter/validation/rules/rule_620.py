import polars as pl

from lookedafter.validation.derive import age_at
from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "620",
    message="The child is recorded as a mother but her date of birth shows she was under 11 at the "
    "start of the year. Check the MOTHER field and the child's date of birth.",
    table="Header",
    fields=("DOB", "MOTHER"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    age = age_at(pl.col("DOB"), pl.lit(ctx.start))
    return ctx["Header"].filter((pl.col("MOTHER") == "1") & (age < 11))


def test_620_mother_at_least_11() -> None:
    header = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DOB": ["02/04/2014", "01/04/2014", "02/04/2014"],
            "MOTHER": ["1", "1", "0"],
        }
    )
    assert flagged("620", 2026, {"Header": header}) == {"Header": [0]}
