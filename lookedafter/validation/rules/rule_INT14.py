import polars as pl

from lookedafter.validation.helpers_c import differs_from_header, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "INT14",
    message="The date of birth in the outcomes (OC2) differs from the header. Use the same date of "
    "birth in every file.",
    table="OC2",
    fields=("DOB",),
    needs=("Header", "OC2"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return differs_from_header(ctx, "OC2", "DOB")


def test_INT14_date_of_birth_agrees_with_header() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2", "3"], "DOB": ["01/01/2015"] * 3})
    rows = pl.DataFrame(
        {"CHILD": ["1", "2", "4"], "DOB": ["01/01/2015", "02/01/2015", "02/01/2015"]}
    )
    assert flagged("INT14", 2026, {"Header": header, "OC2": rows}) == {"OC2": [1]}
