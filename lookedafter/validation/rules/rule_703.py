import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "703",
    message="The deprivation of liberty order starts after the end of the collection year (31 "
    "March). Correct the start date or leave the order for next year's return.",
    table="DoLo",
    fields=("DOLO_START",),
    since=2027,
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["DoLo"].filter(pl.col("DOLO_START") > ctx.end)


def test_703_flags_only_the_inconsistent_orders() -> None:
    dolo = pl.DataFrame({"CHILD": ["1", "2"], "DOLO_START": ["01/04/2027", "31/03/2027"]})
    assert flagged("703", 2027, {"DoLo": dolo}) == {"DoLo": [0]}
