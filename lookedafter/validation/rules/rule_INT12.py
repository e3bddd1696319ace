import polars as pl

from lookedafter.validation.helpers_c import differs_from_header, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "INT12",
    message="The date of birth in the placed-for-adoption records differs from the header. Use the "
    "same date of birth in every file.",
    table="PlacedAdoption",
    fields=("DOB",),
    needs=("Header", "PlacedAdoption"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return differs_from_header(ctx, "PlacedAdoption", "DOB")


def test_INT12_date_of_birth_agrees_with_header() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2", "3"], "DOB": ["01/01/2015"] * 3})
    rows = pl.DataFrame(
        {"CHILD": ["1", "2", "4"], "DOB": ["01/01/2015", "02/01/2015", "02/01/2015"]}
    )
    assert flagged("INT12", 2026, {"Header": header, "PlacedAdoption": rows}) == {
        "PlacedAdoption": [1]
    }
