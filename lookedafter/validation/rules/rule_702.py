import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "702",
    message="The deprivation of liberty order ends before it starts. Correct the start or end "
    "date.",
    table="DoLo",
    fields=("DOLO_START", "DOLO_END"),
    since=2027,
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["DoLo"].filter(pl.col("DOLO_END") < pl.col("DOLO_START"))


def test_702_flags_only_the_inconsistent_orders() -> None:
    dolo = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DOLO_START": ["02/05/2026"] * 3,
            "DOLO_END": ["01/05/2026", "02/05/2026", None],
        }
    )
    assert flagged("702", 2027, {"DoLo": dolo}) == {"DoLo": [0]}
