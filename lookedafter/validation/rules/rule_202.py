import polars as pl

from lookedafter.validation.helpers_b import flagged
from lookedafter.validation.registry import Context, rule

# Sex was coded 1 (male) / 2 (female) before 2024-25; compare like with like.
_OLD_SEX = {"1": "M", "2": "F"}


def _sex(col: str) -> pl.Expr:
    return pl.col(col).replace(_OLD_SEX)


@rule(
    "202",
    message="The child's sex differs from the sex recorded for them in last year's return. "
    "Check SEX against last year and correct whichever is wrong.",
    table="Header",
    fields=("SEX",),
    needs=("Header", "Header_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    last = ctx["Header_last"].select("CHILD", pl.col("SEX").alias("SEX_last")).unique("CHILD")
    joined = ctx["Header"].join(last, on="CHILD", how="inner")
    return joined.filter(_sex("SEX") != _sex("SEX_last"))


def test_202_flags_a_changed_sex_only() -> None:
    now = pl.DataFrame({"CHILD": ["1", "2", "3", "4"], "SEX": ["M", "F", "M", None]})
    last = pl.DataFrame({"CHILD": ["1", "2", "4"], "SEX": ["F", "2", "M"]})
    assert flagged("202", {"Header": now}, last={"Header": last}) == {"Header": [0]}
