import polars as pl

from lookedafter.validation.helpers_c import differs_from_header, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "INT16",
    message="The date of birth in the previous permanence records differs from the header. Use the "
    "same date of birth in every file.",
    table="PrevPerm",
    fields=("DOB",),
    needs=("Header", "PrevPerm"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return differs_from_header(ctx, "PrevPerm", "DOB")


def test_INT16_date_of_birth_agrees_with_header() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2", "3"], "DOB": ["01/01/2015"] * 3})
    rows = pl.DataFrame(
        {"CHILD": ["1", "2", "4"], "DOB": ["01/01/2015", "02/01/2015", "02/01/2015"]}
    )
    assert flagged("INT16", 2026, {"Header": header, "PrevPerm": rows}) == {"PrevPerm": [1]}
