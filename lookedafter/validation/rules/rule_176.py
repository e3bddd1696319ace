import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "176",
    message=(
        "The sex of the adopter(s) is not a valid code (M1, F1, MM, FF or MF). Check SEX_ADOPTR."
    ),
    table="AD1",
    fields=("SEX_ADOPTR",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    column = pl.col("SEX_ADOPTR")
    return ctx["AD1"].filter(~column.is_in(sorted(codes("SEX_ADOPTR"))))


def test_176_flags_codes_not_in_the_list() -> None:
    rows = {"CHILD": ["1", "2", "3", "4"], "SEX_ADOPTR": ["MF", "FM", None, "mf"]}
    assert flags({"AD1": rows}, "176") == {"AD1": [1, 3]}
