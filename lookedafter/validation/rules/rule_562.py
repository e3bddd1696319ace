import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "562",
    message="This episode started before the collection year but is not in last year's return. "
    "Check the start date, or add the episode to last year's return.",
    table="Episodes",
    fields=("DECOM",),
    needs=("Episodes", "Episodes_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    last = ctx["Episodes_last"]
    carried = ctx["Episodes"].filter(pl.col("DECOM") < ctx.start)
    return carried.join(last, on="CHILD", how="semi").join(last, on=["CHILD", "DECOM"], how="anti")


def test_562_carried_over_episode_is_in_last_years_return() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "1"],
            "DECOM": ["01/01/2025", "02/01/2025", "01/01/2025", "01/05/2025"],
        }
    )
    last = pl.DataFrame({"CHILD": ["1", "2"], "DECOM": ["01/01/2025", "01/01/2025"]})
    assert flagged("562", 2026, {"Episodes": eps}, {"Episodes": last}) == {"Episodes": [1]}
