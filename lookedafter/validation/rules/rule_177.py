import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "177",
    message=(
        "The adopters' legal status is not a valid code (L0, L11, L12, L2, L3 or L4). Check "
        "LS_ADOPTR."
    ),
    table="AD1",
    fields=("LS_ADOPTR",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    column = pl.col("LS_ADOPTR")
    return ctx["AD1"].filter(~column.is_in(sorted(codes("LS_ADOPTR"))))


def test_177_flags_codes_not_in_the_list() -> None:
    rows = {"CHILD": ["1", "2", "3", "4"], "LS_ADOPTR": ["L11", "L1", None, "l11"]}
    assert flags({"AD1": rows}, "177") == {"AD1": [1, 3]}
