import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "196",
    message="The reason for no SDQ score is not a valid code (SDQ1 to SDQ5). Check SDQ_REASON.",
    table="OC2",
    fields=("SDQ_REASON",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    column = pl.col("SDQ_REASON")
    return ctx["OC2"].filter(~column.is_in(sorted(codes("SDQ_REASON"))))


def test_196_flags_codes_not_in_the_list() -> None:
    rows = {"CHILD": ["1", "2", "3", "4"], "SDQ_REASON": ["SDQ1", "SDQ9", None, "sdq1"]}
    assert flags({"OC2": rows}, "196") == {"OC2": [1, 3]}
