import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "334",
    message="The decision that the child should be placed for adoption (DATE_INT) is before "
    "the child started their latest period of care. Check DATE_INT and the DECOM of the episode "
    "with RNE = S.",
    table="AD1",
    fields=("DATE_INT", "DECOM", "RNE"),
    needs=("AD1", "Episodes"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    latest_start = (
        ctx["Episodes"]
        .filter(pl.col("RNE") == "S")
        .sort("CHILD", "DECOM", "ROW")
        .group_by("CHILD")
        .agg(pl.col("DECOM").last(), pl.col("ROW").last().alias("ROW_EP"))
    )
    bad = (
        ctx["AD1"]
        .join(latest_start, on="CHILD", how="inner")
        .filter(pl.col("DATE_INT") < pl.col("DECOM"))
    )
    return {"AD1": bad, "Episodes": bad.select("CHILD", pl.col("ROW_EP").alias("ROW"))}


def test_334_decision_within_the_latest_period_of_care() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "3"],
            "DECOM": [d("2019-01-01"), d("2024-01-01"), d("2020-01-01"), d("2020-01-01")],
            "RNE": ["S", "S", "S", "S"],
        }
    )
    ad1 = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DATE_INT": [d("2023-01-01"), d("2021-01-01"), None]}
    )
    assert flagged("334", {"AD1": ad1, "Episodes": eps}) == {"AD1": [0], "Episodes": [1]}
