import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "149",
    message=(
        "The reason the episode ended is not a valid code (for example X1, E11, E4A). Check REC."
    ),
    table="Episodes",
    fields=("REC",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    column = pl.col("REC")
    return ctx["Episodes"].filter(~column.is_in(sorted(codes("REC"))))


def test_149_flags_codes_not_in_the_list() -> None:
    rows = {"CHILD": ["1", "2", "3", "4"], "REC": ["X1", "E43", None, "x1"]}
    assert flags({"Episodes": rows}, "149") == {"Episodes": [1, 3]}
