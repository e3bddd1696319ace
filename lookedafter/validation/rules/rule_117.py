import polars as pl

from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "117",
    message="A decision about placing for adoption is dated after 31 March or after the child "
    "left care. Check DATE_PLACED and DATE_PLACED_CEASED against the last episode's DEC.",
    table="PlacedAdoption",
    fields=("DATE_PLACED_CEASED", "DATE_PLACED", "DEC", "REC", "DECOM"),
    needs=("PlacedAdoption", "Episodes"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    # the latest episode that is not followed by another in the same period of care (REC X1)
    last = (
        ctx["Episodes"]
        .filter(pl.col("DECOM").is_not_null() & (pl.col("REC").is_null() | (pl.col("REC") != "X1")))
        .sort("DECOM")
        .group_by("CHILD")
        .agg(pl.col("DEC").last().alias("_DEC"), pl.col("ROW").last().alias("_EP_ROW"))
    )
    end = pl.lit(ctx.end)
    late = pl.any_horizontal(
        (pl.col(c) > end) | (pl.col(c) > pl.col("_DEC"))
        for c in ("DATE_PLACED", "DATE_PLACED_CEASED")
    )
    bad = ctx["PlacedAdoption"].join(last, on="CHILD", how="left").filter(late)
    episodes = (
        bad.filter(pl.col("_EP_ROW").is_not_null())
        .select("CHILD", pl.col("_EP_ROW").alias("ROW"))
        .unique()
    )
    return {"PlacedAdoption": bad, "Episodes": episodes}


def test_117_flags_decisions_after_the_year_or_after_leaving_care() -> None:
    eps = {
        "CHILD": ["1", "2", "2", "3"],
        "DECOM": ["01/05/2025", "01/05/2025", "01/06/2025", "01/05/2025"],
        "DEC": [None, "01/06/2025", "01/08/2025", None],
        "REC": [None, "X1", "E11", None],
    }
    placed = {
        "CHILD": ["1", "2", "3", "4"],
        "DATE_PLACED": ["01/05/2025", "01/05/2025", "01/04/2026", "01/04/2026"],
        "DATE_PLACED_CEASED": [None, "02/08/2025", None, None],
    }
    got = flags({"Episodes": eps, "PlacedAdoption": placed}, "117")
    assert got == {"Episodes": [2, 3], "PlacedAdoption": [1, 2, 3]}
