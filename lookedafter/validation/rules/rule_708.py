import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "708",
    message="The deprivation of liberty order starts before the child's date of birth. Correct "
    "the start date or the date of birth.",
    table="DoLo",
    fields=("DOLO_START",),
    since=2027,
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["DoLo"].filter(pl.col("DOLO_START") < pl.col("DOB"))


def test_708_flags_only_the_inconsistent_orders() -> None:
    dolo = pl.DataFrame(
        {"CHILD": ["1", "2"], "DOB": ["01/01/2012"] * 2, "DOLO_START": ["31/12/2011", "01/01/2012"]}
    )
    assert flagged("708", 2027, {"DoLo": dolo}) == {"DoLo": [0]}
