import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "203",
    message="The date of birth differs from the one recorded for this child in last year's "
    "return. Check DOB and correct whichever year is wrong.",
    table="Header",
    fields=("DOB",),
    needs=("Header", "Header_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    last = ctx["Header_last"].select("CHILD", pl.col("DOB").alias("DOB_last")).unique("CHILD")
    joined = ctx["Header"].join(last, on="CHILD", how="inner")
    return joined.filter(pl.col("DOB") != pl.col("DOB_last"))


def test_203_flags_a_changed_date_of_birth() -> None:
    now = pl.DataFrame({"CHILD": ["1", "2", "3"], "DOB": [d("2010-01-01"), d("2011-05-05"), None]})
    last = pl.DataFrame({"CHILD": ["1", "2", "3"], "DOB": [d("2010-01-02"), d("2011-05-05"), None]})
    assert flagged("203", {"Header": now}, last={"Header": last}) == {"Header": [0]}
