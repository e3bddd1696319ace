import polars as pl

from lookedafter.validation.helpers_c import differs_from_header, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "INT13",
    message="The date of birth in the missing or away records differs from the header. Use the same"
    " date of birth in every file.",
    table="Missing",
    fields=("DOB",),
    needs=("Header", "Missing"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return differs_from_header(ctx, "Missing", "DOB")


def test_INT13_date_of_birth_agrees_with_header() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2", "3"], "DOB": ["01/01/2015"] * 3})
    rows = pl.DataFrame(
        {"CHILD": ["1", "2", "4"], "DOB": ["01/01/2015", "02/01/2015", "02/01/2015"]}
    )
    assert flagged("INT13", 2026, {"Header": header, "Missing": rows}) == {"Missing": [1]}
