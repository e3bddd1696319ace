import polars as pl

from lookedafter.validation.helpers_b import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "204",
    message="The ethnicity code differs from the one recorded for this child in last year's "
    "return. Check ETHNIC and correct whichever year is wrong.",
    table="Header",
    fields=("ETHNIC",),
    needs=("Header", "Header_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    last = ctx["Header_last"].select("CHILD", pl.col("ETHNIC").alias("ETHNIC_last"))
    joined = ctx["Header"].join(last.unique("CHILD"), on="CHILD", how="inner")
    return joined.filter(
        pl.col("ETHNIC").str.to_uppercase() != pl.col("ETHNIC_last").str.to_uppercase()
    )


def test_204_flags_a_changed_ethnicity() -> None:
    now = pl.DataFrame({"CHILD": ["1", "2", "3"], "ETHNIC": ["WBRI", "MOTH", "AIND"]})
    last = pl.DataFrame({"CHILD": ["1", "2", "9"], "ETHNIC": ["WIRI", "MOTH", "WBRI"]})
    assert flagged("204", {"Header": now}, last={"Header": last}) == {"Header": [0]}
