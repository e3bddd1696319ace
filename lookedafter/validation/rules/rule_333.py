import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "333",
    message="The decision that the child should be placed for adoption (DATE_INT) is after the "
    "date of matching with adopters (DATE_MATCH). Check both dates.",
    table="AD1",
    fields=("DATE_INT",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["AD1"].filter(pl.col("DATE_INT") > pl.col("DATE_MATCH"))


def test_333_decision_before_matching() -> None:
    ad1 = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DATE_INT": [d("2025-06-02"), d("2025-06-01"), d("2025-06-01")],
            "DATE_MATCH": [d("2025-06-01"), d("2025-06-01"), None],
        }
    )
    assert flagged("333", {"AD1": ad1}) == {"AD1": [0]}
