import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "570",
    message="The missing or away episode starts after the end of the collection year (31 March). "
    "Correct the start date or leave it for next year's return.",
    table="Missing",
    fields=("MIS_START",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Missing"].filter(pl.col("MIS_START") > ctx.end)


def test_570_flags_only_the_inconsistent_rows() -> None:
    frame = pl.DataFrame({"CHILD": ["1", "2"], "MIS_START": ["01/04/2026", "31/03/2026"]})
    assert flagged("570", 2026, {"Missing": frame}) == {"Missing": [0]}
