import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "1006",
    message=(
        "The kind of absence must be M (missing) or A (away from placement without "
        "authorisation). Check MISSING."
    ),
    table="Missing",
    fields=("MISSING",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    column = pl.col("MISSING")
    return ctx["Missing"].filter(column.is_null() | ~column.is_in(sorted(codes("MISSING"))))


def test_1006_flags_codes_not_in_the_list_and_blanks() -> None:
    rows = {"CHILD": ["1", "2", "3", "4"], "MISSING": ["M", "X", None, "m"]}
    assert flags({"Missing": rows}, "1006") == {"Missing": [1, 2, 3]}
