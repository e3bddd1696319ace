import polars as pl

from lookedafter.validation.helpers_c import DOLO_FORBIDDEN_PLACEMENTS, dolo_placements, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "710",
    message="A child under a deprivation of liberty order cannot be placed in a secure children's"
    " home (K1), with parents (P1), in a young offender institution (R5) or in supported "
    "accommodation (K3). Correct the placement type or the order's dates.",
    table="DoLo",
    fields=("DOLO_START", "PLACE"),
    needs=("DoLo", "Episodes"),
    since=2027,
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    bad = dolo_placements(ctx).filter(pl.col("PLACE").is_in(DOLO_FORBIDDEN_PLACEMENTS))
    return {
        "DoLo": ctx["DoLo"].join(bad.select("ROW"), on="ROW", how="semi"),
        "Episodes": ctx["Episodes"].join(
            bad.select(pl.col("ROW_EP").alias("ROW")), on="ROW", how="semi"
        ),
    }


def test_710_forbidden_placements_during_order() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2"],
            "DECOM": ["01/05/2026", "01/08/2026", "01/05/2026"],
            "DEC": ["01/08/2026", None, None],
            "PLACE": ["K2", "K1", "P1"],
        }
    )
    dolo = pl.DataFrame(
        {
            "CHILD": ["1", "2"],
            "DOLO_START": ["01/06/2026", "01/06/2026"],
            "DOLO_END": ["01/07/2026", None],
        }
    )
    result = flagged("710", 2027, {"DoLo": dolo, "Episodes": eps})
    assert result == {"DoLo": [1], "Episodes": [2]}
