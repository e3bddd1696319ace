import polars as pl

from lookedafter.validation.helpers_c import ceased_care, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "580",
    message="The child was missing or away when they ceased to be looked after, but the reason the "
    "episode ended is not E8. Use E8, or correct the missing or away dates.",
    table="Episodes",
    fields=("REC",),
    needs=("Episodes", "Missing"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    left = ctx["Episodes"].filter(ceased_care() & (pl.col("REC") != "E8"))
    missing = ctx["Missing"].select("CHILD", "MIS_START", "MIS_END")
    away_at_end = left.join(missing, on="CHILD").filter(
        (pl.col("MIS_START") <= pl.col("DEC"))
        & (pl.col("MIS_END").is_null() | (pl.col("MIS_END") > pl.col("DEC")))
    )
    return left.join(away_at_end.select("ROW"), on="ROW", how="semi")


def test_580_leaving_while_missing_uses_e8() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DECOM": ["01/05/2025"] * 3,
            "DEC": ["01/07/2025"] * 3,
            "REC": ["E13", "E8", "E13"],
        }
    )
    missing = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "MIS_START": ["30/06/2025"] * 3,
            "MIS_END": [None, None, "01/07/2025"],
        }
    )
    assert flagged("580", 2026, {"Episodes": eps, "Missing": missing}) == {"Episodes": [0]}
