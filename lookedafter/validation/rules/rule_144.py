import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "144",
    message="The legal status is missing or not a valid code (for example C2, V2, E1). Check LS.",
    table="Episodes",
    fields=("LS",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    column = pl.col("LS")
    return ctx["Episodes"].filter(column.is_null() | ~column.is_in(sorted(codes("LS"))))


def test_144_flags_codes_not_in_the_list_and_blanks() -> None:
    rows = {"CHILD": ["1", "2", "3", "4"], "LS": ["C2", "C9", None, "c2"]}
    assert flags({"Episodes": rows}, "144") == {"Episodes": [1, 2, 3]}
