import polars as pl

from lookedafter.validation.helpers_c import ADOPTED, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "582",
    message="The child was adopted on the same date they were matched with the adopters. Usually "
    "the match comes first: check the date of the match (AD1) and the date of adoption.",
    table="AD1",
    fields=("DEC", "DATE_MATCH"),
    needs=("Episodes", "AD1"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    adopted = ctx["Episodes"].filter(pl.col("REC").is_in(ADOPTED))
    matched = ctx["AD1"].select("CHILD", "DATE_MATCH")
    bad = adopted.join(matched, on="CHILD").filter(pl.col("DEC") == pl.col("DATE_MATCH"))
    return {
        "Episodes": bad,
        "AD1": ctx["AD1"].join(
            bad, left_on=["CHILD", "DATE_MATCH"], right_on=["CHILD", "DEC"], how="semi"
        ),
    }


def test_582_match_before_adoption() -> None:
    eps = pl.DataFrame({"CHILD": ["1", "2"], "DEC": ["01/07/2025"] * 2, "REC": ["E11", "E12"]})
    ad1 = pl.DataFrame({"CHILD": ["1", "2"], "DATE_MATCH": ["01/07/2025", "01/03/2025"]})
    assert flagged("582", 2026, {"Episodes": eps, "AD1": ad1}) == {"Episodes": [0], "AD1": [0]}
