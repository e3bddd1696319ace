import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "706",
    message="Last year's return had an open deprivation of liberty order for this child, but this"
    " year's return has no order with the same start date. Carry the order over and add "
    "its end date when it ends.",
    table="DoLo",
    fields=("DOLO_START",),
    needs=("DoLo", "DoLo_last"),
    since=2027,
)
def validate(ctx: Context) -> pl.LazyFrame:
    open_last = ctx["DoLo_last"].filter(
        pl.col("DOLO_START").is_not_null() & pl.col("DOLO_END").is_null()
    )
    lost = open_last.join(ctx["DoLo"], on=["CHILD", "DOLO_START"], how="anti")
    return lost.select("CHILD", pl.lit(None, pl.Int64).alias("ROW"))


def test_706_open_order_is_carried_over() -> None:
    last = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DOLO_START": ["01/03/2027"] * 3,
            "DOLO_END": [None, None, "02/03/2027"],
        }
    )
    dolo = pl.DataFrame({"CHILD": ["1"], "DOLO_START": ["01/03/2027"]})
    assert flagged("706", 2028, {"DoLo": dolo}, {"DoLo": last}) == {"DoLo": [None]}
