import polars as pl

from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "184",
    message="The decision to place the child for adoption is dated before the child's date of "
    "birth. Check DATE_PLACED and DOB.",
    table="PlacedAdoption",
    fields=("DATE_PLACED", "DOB"),
    needs=("PlacedAdoption", "Header"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    dob = ctx.dob().rename({"DOB": "_DOB"})
    return (
        ctx["PlacedAdoption"]
        .join(dob, on="CHILD", how="left")
        .filter(pl.col("DATE_PLACED") < pl.col("_DOB"))
    )


def test_184_flags_decisions_before_birth() -> None:
    header = {"CHILD": ["1", "2", "3"], "DOB": ["01/06/2020", "01/06/2020", "01/06/2020"]}
    placed = {"CHILD": ["1", "2", "3"], "DATE_PLACED": ["31/05/2020", "01/06/2020", None]}
    assert flags({"Header": header, "PlacedAdoption": placed}, "184") == {"PlacedAdoption": [0]}
