import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "120",
    message=(
        "The reason the child should no longer be placed for adoption is not a valid code "
        "(RD1 to RD4). Check REASON_PLACED_CEASED."
    ),
    table="PlacedAdoption",
    fields=("REASON_PLACED_CEASED",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    column = pl.col("REASON_PLACED_CEASED")
    return ctx["PlacedAdoption"].filter(~column.is_in(sorted(codes("REASON_PLACED_CEASED"))))


def test_120_flags_codes_not_in_the_list() -> None:
    rows = {"CHILD": ["1", "2", "3", "4"], "REASON_PLACED_CEASED": ["RD1", "RD9", None, "rd1"]}
    assert flags({"PlacedAdoption": rows}, "120") == {"PlacedAdoption": [1, 3]}
