import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "586",
    message="The missing or away episode starts before the child's date of birth. Correct the start"
    " date or the date of birth.",
    table="Missing",
    fields=("MIS_START",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Missing"].filter(pl.col("MIS_START") < pl.col("DOB"))


def test_586_missing_after_birth() -> None:
    missing = pl.DataFrame(
        {"CHILD": ["1", "2"], "DOB": ["01/01/2010"] * 2, "MIS_START": ["31/12/2009", "01/01/2010"]}
    )
    assert flagged("586", 2026, {"Missing": missing}) == {"Missing": [0]}
