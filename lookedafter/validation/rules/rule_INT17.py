import polars as pl

from lookedafter.validation.helpers_c import differs_from_header, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "INT17",
    message="The date of birth in the reviews differs from the header. Use the same date of birth "
    "in every file.",
    table="Reviews",
    fields=("DOB",),
    needs=("Header", "Reviews"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return differs_from_header(ctx, "Reviews", "DOB")


def test_INT17_date_of_birth_agrees_with_header() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2", "3"], "DOB": ["01/01/2015"] * 3})
    rows = pl.DataFrame(
        {"CHILD": ["1", "2", "4"], "DOB": ["01/01/2015", "02/01/2015", "02/01/2015"]}
    )
    assert flagged("INT17", 2026, {"Header": header, "Reviews": rows}) == {"Reviews": [1]}
