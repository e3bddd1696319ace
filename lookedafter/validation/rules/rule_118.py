import polars as pl

from lookedafter.validation.derive import RESPITE
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "118",
    message="The decision that the child should no longer be placed for adoption is dated before "
    "1 April or before the child started to be looked after. Check DATE_PLACED_CEASED.",
    table="PlacedAdoption",
    fields=("DATE_PLACED_CEASED", "DECOM", "LS"),
    needs=("PlacedAdoption", "Episodes"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    first = (
        ctx["Episodes"]
        .filter(~pl.col("LS").is_in(list(RESPITE)) & pl.col("DECOM").is_not_null())
        .sort("DECOM")
        .group_by("CHILD")
        .agg(pl.col("DECOM").first().alias("_START"), pl.col("ROW").first().alias("_EP_ROW"))
    )
    ceased = pl.col("DATE_PLACED_CEASED")
    bad = (
        ctx["PlacedAdoption"]
        .join(first, on="CHILD", how="left")
        .filter(ceased.is_not_null() & ((ceased < pl.lit(ctx.start)) | (ceased < pl.col("_START"))))
    )
    episodes = (
        bad.filter(pl.col("_EP_ROW").is_not_null())
        .select("CHILD", pl.col("_EP_ROW").alias("ROW"))
        .unique()
    )
    return {"PlacedAdoption": bad, "Episodes": episodes}


def test_118_flags_reversals_before_the_year_or_before_care() -> None:
    eps = {
        "CHILD": ["1", "2", "2", "3"],
        "DECOM": ["01/05/2025", "01/04/2025", "01/06/2025", "01/01/2024"],
        "LS": ["C2", "V3", "C2", "C2"],
    }
    placed = {
        "CHILD": ["1", "2", "3"],
        "DATE_PLACED_CEASED": ["30/04/2025", "01/05/2025", "31/03/2025"],
    }
    got = flags({"Episodes": eps, "PlacedAdoption": placed}, "118")
    assert got == {"Episodes": [0, 2, 3], "PlacedAdoption": [0, 1, 2]}
