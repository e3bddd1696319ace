import polars as pl

from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "1003",
    message="The decision to place the child for adoption is dated before the child started to "
    "be looked after. Check DATE_PLACED and the DECOM of the episode that started care (RNE S).",
    table="PlacedAdoption",
    fields=("DATE_PLACED", "DECOM", "RNE"),
    needs=("PlacedAdoption", "Episodes"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    first = (
        ctx["Episodes"]
        .filter(pl.col("RNE") == "S")
        .sort("DECOM")
        .group_by("CHILD")
        .agg(pl.col("DECOM").first().alias("_START"), pl.col("ROW").first().alias("_EP_ROW"))
    )
    bad = (
        ctx["PlacedAdoption"]
        .join(first, on="CHILD", how="inner")
        .filter(pl.col("DATE_PLACED") < pl.col("_START"))
    )
    episodes = bad.select("CHILD", pl.col("_EP_ROW").alias("ROW")).unique()
    return {"PlacedAdoption": bad, "Episodes": episodes}


def test_1003_flags_the_decision_and_the_first_episode() -> None:
    eps = {
        "CHILD": ["1", "1", "2", "3"],
        "DECOM": ["01/05/2025", "01/06/2025", "01/05/2025", "01/05/2025"],
        "RNE": ["S", "P", "S", "L"],
    }
    placed = {"CHILD": ["1", "2", "3"], "DATE_PLACED": ["30/04/2025", "01/05/2025", "01/01/2025"]}
    got = flags({"Episodes": eps, "PlacedAdoption": placed}, "1003")
    assert got == {"Episodes": [0], "PlacedAdoption": [0]}
