import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "576",
    message="Last year's return ended with this child missing or away, but this year's return has "
    "no episode with the same start date. Carry the open missing or away episode over and "
    "add its end date when known.",
    table="Missing",
    fields=("CHILD",),
    needs=("Missing", "Missing_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    open_last = ctx["Missing_last"].filter(
        pl.col("MIS_START").is_not_null() & pl.col("MIS_END").is_null()
    )
    lost = open_last.join(ctx["Missing"], on=["CHILD", "MIS_START"], how="anti")
    return lost.select("CHILD", pl.lit(None, pl.Int64).alias("ROW"))


def test_576_open_missing_episode_is_carried_over() -> None:
    last = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "MIS_START": ["01/03/2025"] * 3,
            "MIS_END": [None, None, "02/03/2025"],
        }
    )
    missing = pl.DataFrame({"CHILD": ["1"], "MIS_START": ["01/03/2025"], "MIS_END": ["03/04/2025"]})
    assert flagged("576", 2026, {"Missing": missing}, {"Missing": last}) == {"Missing": [None]}
