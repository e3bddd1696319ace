import polars as pl

from lookedafter.validation.helpers_c import ADOPTION_PLACEMENTS, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "521",
    message="The date of the decision that adoption is in the child's best interests is after the "
    "child was placed for adoption. Correct the decision date (AD1) or the start date of "
    "the adoption placement.",
    table="AD1",
    fields=("PLACE", "DECOM", "DATE_INT"),
    needs=("Episodes", "AD1"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    placed = ctx["Episodes"].filter(pl.col("PLACE").is_in(ADOPTION_PLACEMENTS))
    ad1 = ctx["AD1"].select("CHILD", "DATE_INT", pl.col("ROW").alias("ROW_AD1"))
    bad = placed.join(ad1, on="CHILD").filter(pl.col("DATE_INT") > pl.col("DECOM"))
    return {
        "Episodes": bad,
        "AD1": ctx["AD1"].join(bad.select(pl.col("ROW_AD1").alias("ROW")), on="ROW", how="semi"),
    }


def test_521_decision_on_or_before_adoption_placement() -> None:
    eps = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DECOM": ["01/06/2025"] * 3, "PLACE": ["A3", "A5", "U1"]}
    )
    ad1 = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DATE_INT": ["01/05/2025", "02/06/2025", "02/06/2025"]}
    )
    assert flagged("521", 2026, {"Episodes": eps, "AD1": ad1}) == {"Episodes": [1], "AD1": [1]}
