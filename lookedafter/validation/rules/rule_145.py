import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "145",
    message="The category of need is missing or not a valid code (N1 to N8). Check CIN.",
    table="Episodes",
    fields=("CIN",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    column = pl.col("CIN")
    return ctx["Episodes"].filter(column.is_null() | ~column.is_in(sorted(codes("CIN"))))


def test_145_flags_codes_not_in_the_list_and_blanks() -> None:
    rows = {"CHILD": ["1", "2", "3", "4"], "CIN": ["N1", "N9", None, "n1"]}
    assert flags({"Episodes": rows}, "145") == {"Episodes": [1, 2, 3]}
