import polars as pl

from lookedafter.validation.helpers_c import differs_from_header, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "INT11",
    message="The date of birth in the adoption details (AD1) differs from the header. Use the same "
    "date of birth in every file.",
    table="AD1",
    fields=("DOB",),
    needs=("Header", "AD1"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return differs_from_header(ctx, "AD1", "DOB")


def test_INT11_date_of_birth_agrees_with_header() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2", "3"], "DOB": ["01/01/2015"] * 3})
    rows = pl.DataFrame(
        {"CHILD": ["1", "2", "4"], "DOB": ["01/01/2015", "02/01/2015", "02/01/2015"]}
    )
    assert flagged("INT11", 2026, {"Header": header, "AD1": rows}) == {"AD1": [1]}
