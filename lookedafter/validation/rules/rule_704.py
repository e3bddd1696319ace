import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "704",
    message="The deprivation of liberty order ended outside the collection year. An end date must"
    " fall between 1 April and 31 March; leave it blank if the order is still in force.",
    table="DoLo",
    fields=("DOLO_END",),
    since=2027,
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["DoLo"].filter(~pl.col("DOLO_END").is_between(ctx.start, ctx.end))


def test_704_flags_only_the_inconsistent_orders() -> None:
    dolo = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "DOLO_END": ["31/03/2026", "01/04/2026", "01/04/2027", None],
        }
    )
    assert flagged("704", 2027, {"DoLo": dolo}) == {"DoLo": [0, 2]}
