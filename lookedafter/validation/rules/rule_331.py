import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule

_ADOPTED = ("E11", "E12")


@rule(
    "331",
    message="The child was matched with adopters after the adoption placement started. The "
    "date of matching (DATE_MATCH) must be on or before the placement date: check both dates.",
    table="AD1",
    fields=("DATE_MATCH", "DECOM", "REC"),
    needs=("AD1", "Episodes"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    adopted = ctx["Episodes"].filter(pl.col("REC").is_in(_ADOPTED))
    ad1 = ctx["AD1"].select("CHILD", "DATE_MATCH", pl.col("ROW").alias("ROW_AD1"))
    bad = adopted.join(ad1, on="CHILD", how="inner").filter(pl.col("DATE_MATCH") > pl.col("DECOM"))
    return {
        "Episodes": bad,
        "AD1": bad.select("CHILD", pl.col("ROW_AD1").alias("ROW")).unique(),
    }


def test_331_matching_before_adoption_placement() -> None:
    ad1 = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DATE_MATCH": [d("2025-06-02"), d("2025-06-01"), None]}
    )
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DECOM": [d("2025-06-01")] * 3,
            "REC": ["E11", "E12", "E11"],
        }
    )
    assert flagged("331", {"AD1": ad1, "Episodes": eps}) == {"AD1": [0], "Episodes": [0]}
