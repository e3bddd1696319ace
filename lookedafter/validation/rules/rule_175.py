import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "175",
    message="The number of adopters must be 1 or 2. Check NB_ADOPTR.",
    table="AD1",
    fields=("NB_ADOPTR",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    column = pl.col("NB_ADOPTR")
    return ctx["AD1"].filter(~column.is_in(sorted(codes("NB_ADOPTR"))))


def test_175_flags_codes_not_in_the_list() -> None:
    rows = {"CHILD": ["1", "2", "3", "4"], "NB_ADOPTR": ["1", "3", None, "one"]}
    assert flags({"AD1": rows}, "175") == {"AD1": [1, 3]}
