import polars as pl

from lookedafter.validation.helpers_b import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "232",
    message="The child's sex is recorded as unknown (U). Record M or F if it is known.",
    table="Header",
    fields=("SEX",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Header"].filter(pl.col("SEX").str.to_uppercase() == "U")


def test_232_queries_unknown_sex() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2", "3"], "SEX": ["U", "F", None]})
    assert flagged("232", {"Header": header}) == {"Header": [0]}
