import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "554",
    message="The decision that the child should be placed for adoption is dated after the placement"
    " order was granted (first E1 episode). Check the decision date; episodes from earlier "
    "years may also explain it.",
    table="PlacedAdoption",
    fields=("DATE_PLACED", "DECOM", "LS"),
    needs=("Episodes", "PlacedAdoption"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    first_order = (
        ctx["Episodes"]
        .filter(pl.col("LS") == "E1")
        .sort("DECOM", nulls_last=True)
        .group_by("CHILD")
        .first()
    )
    pa = ctx["PlacedAdoption"].filter(pl.col("DATE_PLACED").is_not_null())
    earliest = pa.group_by("CHILD").agg(pl.col("DATE_PLACED").min().alias("FIRST_DECISION"))
    bad = first_order.join(earliest, on="CHILD").filter(pl.col("FIRST_DECISION") > pl.col("DECOM"))
    return {"PlacedAdoption": pa.join(bad, on="CHILD", how="semi"), "Episodes": bad}


def test_554_decision_on_or_before_placement_order() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2"],
            "DECOM": ["01/06/2025", "01/07/2025", "01/06/2025"],
            "LS": ["E1", "E1", "E1"],
        }
    )
    pa = pl.DataFrame({"CHILD": ["1", "2"], "DATE_PLACED": ["02/06/2025", "01/06/2025"]})
    result = flagged("554", 2026, {"Episodes": eps, "PlacedAdoption": pa})
    assert result == {"PlacedAdoption": [0], "Episodes": [0]}
