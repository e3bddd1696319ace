import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "1009",
    message=(
        "The reason for the placement change is not a valid code (for example CARPL, ALLEG, "
        "STAND). Check REASON_PLACE_CHANGE."
    ),
    table="Episodes",
    fields=("REASON_PLACE_CHANGE",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    column = pl.col("REASON_PLACE_CHANGE")
    return ctx["Episodes"].filter(~column.is_in(sorted(codes("REASON_PLACE_CHANGE"))))


def test_1009_flags_codes_not_in_the_list() -> None:
    rows = {"CHILD": ["1", "2", "3", "4"], "REASON_PLACE_CHANGE": ["CARPL", "CARPX", None, "carpl"]}
    assert flags({"Episodes": rows}, "1009") == {"Episodes": [1, 3]}
