import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "114",
    message=(
        "Whether the child was adopted by former foster carers must be 0 (no) or 1 (yes). "
        "Check FOSTER_CARE."
    ),
    table="AD1",
    fields=("FOSTER_CARE",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    column = pl.col("FOSTER_CARE")
    return ctx["AD1"].filter(~column.is_in(sorted(codes("FOSTER_CARE"))))


def test_114_flags_codes_not_in_the_list() -> None:
    rows = {"CHILD": ["1", "2", "3", "4"], "FOSTER_CARE": ["1", "2", None, "yes"]}
    assert flags({"AD1": rows}, "114") == {"AD1": [1, 3]}
