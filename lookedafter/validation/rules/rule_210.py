from datetime import timedelta

import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "210",
    message="UPN is UN4 (newly looked after) but the child had been looked after for more than "
    "a week at 31 March. Enter the child's UPN or another UN code.",
    table="Header",
    fields=("UPN", "DECOM"),
    needs=("Header", "Episodes"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    week_before = ctx.end - timedelta(days=7)
    # Episodes open on the day a week before 31 March and still looked after at 31 March.
    eps = ctx["Episodes"]
    at_end = eps.filter(pl.col("DEC").is_null() | (pl.col("DEC") >= pl.lit(ctx.end)))
    week = eps.filter(
        (pl.col("DECOM") <= pl.lit(week_before))
        & (pl.col("DEC").is_null() | (pl.col("DEC") >= pl.lit(week_before)))
    )
    un4 = ctx["Header"].filter(pl.col("UPN").str.to_uppercase() == "UN4")
    bad = un4.join(at_end.select("CHILD").unique(), on="CHILD", how="semi").join(
        week.select("CHILD").unique(), on="CHILD", how="semi"
    )
    return {
        "Header": bad,
        "Episodes": week.join(bad.select("CHILD"), on="CHILD", how="semi"),
    }


def test_210_un4_is_for_children_new_in_the_last_week() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2", "3"], "UPN": ["UN4", "UN4", "UN3"]})
    episodes = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DECOM": [d("2026-01-01"), d("2026-03-27"), d("2026-01-01")],
            "DEC": [None, None, None],
        }
    )
    got = flagged("210", {"Header": header, "Episodes": episodes})
    assert got == {"Episodes": [0], "Header": [0]}
