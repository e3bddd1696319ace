import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "143",
    message=(
        "The reason for the new episode is missing or not a valid code (S, L, P, T, B or U). "
        "Check RNE."
    ),
    table="Episodes",
    fields=("RNE",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    column = pl.col("RNE")
    return ctx["Episodes"].filter(column.is_null() | ~column.is_in(sorted(codes("RNE"))))


def test_143_flags_codes_not_in_the_list_and_blanks() -> None:
    rows = {"CHILD": ["1", "2", "3", "4"], "RNE": ["S", "X", None, "s"]}
    assert flags({"Episodes": rows}, "143") == {"Episodes": [1, 2, 3]}
