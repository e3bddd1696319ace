import polars as pl

from lookedafter.validation.helpers_c import flagged, in_year
from lookedafter.validation.registry import Context, rule


@rule(
    "630",
    message="The child started a new period of care this year but previous permanence is not "
    "recorded. Record whether the child had a previous adoption, special guardianship or "
    "child arrangements order (Z1 if none).",
    table="Episodes",
    fields=("RNE",),
    needs=("Episodes", "PrevPerm"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    recorded = ctx["PrevPerm"].filter(pl.col("PREV_PERM").is_not_null())
    started = ctx["Episodes"].filter((pl.col("RNE") == "S") & in_year(ctx, "DECOM"))
    return started.join(recorded, on="CHILD", how="anti")


def test_630_new_period_needs_previous_permanence() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "DECOM": ["01/05/2025", "01/05/2025", "01/05/2025", "01/01/2025"],
            "RNE": ["S", "S", "P", "S"],
        }
    )
    prev = pl.DataFrame({"CHILD": ["1"], "PREV_PERM": ["Z1"]})
    assert flagged("630", 2026, {"Episodes": eps, "PrevPerm": prev}) == {"Episodes": [1]}
