import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "504",
    message="The category of need changes within a period of care. Keep the category of need "
    "recorded at the start of the period on every later episode of that period.",
    table="Episodes",
    fields=("CIN",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    eps = ctx.sequence()
    same_period = (pl.col("REC_prev") == "X1") & (pl.col("DEC_prev") == pl.col("DECOM"))
    return eps.filter(same_period & pl.col("CIN").ne_missing(pl.col("CIN_prev")))


def test_504_category_of_need_fixed_within_a_period() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "1", "2", "2"],
            "DECOM": ["01/05/2025", "04/05/2025", "06/05/2025", "01/05/2025", "10/06/2025"],
            "DEC": ["04/05/2025", "06/05/2025", None, "01/06/2025", None],
            "REC": ["X1", "X1", None, "E13", None],
            "CIN": ["N1", "N1", "N2", "N1", "N3"],
        }
    )
    assert flagged("504", 2026, {"Episodes": eps}) == {"Episodes": [2]}
