import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "132",
    message=(
        "The care leaver's main activity is not a valid code (for example F1, P2, G4). Check ACTIV."
    ),
    table="OC3",
    fields=("ACTIV",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    column = pl.col("ACTIV")
    return ctx["OC3"].filter(~column.is_in(sorted(codes("ACTIV"))))


def test_132_flags_codes_not_in_the_list() -> None:
    rows = {"CHILD": ["1", "2", "3", "4"], "ACTIV": ["F1", "F9", None, "f1"]}
    assert flags({"OC3": rows}, "132") == {"OC3": [1, 3]}
