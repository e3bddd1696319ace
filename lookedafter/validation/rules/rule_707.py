import polars as pl

from lookedafter.validation.derive import last_rows
from lookedafter.validation.helpers_c import ceased_care, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "707",
    message="The child has ceased to be looked after but a deprivation of liberty order has no "
    "end date. Add the date the order ended.",
    table="DoLo",
    fields=("DOLO_END",),
    needs=("DoLo", "Episodes"),
    since=2027,
)
def validate(ctx: Context) -> pl.LazyFrame:
    left = last_rows(ctx, "Episodes", "DECOM").filter(ceased_care() & pl.col("DEC").is_not_null())
    return ctx["DoLo"].filter(pl.col("DOLO_END").is_null()).join(left, on="CHILD", how="semi")


def test_707_leaving_care_ends_the_order() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2"],
            "DECOM": ["01/05/2026"] * 2,
            "DEC": ["01/07/2026", None],
            "REC": ["E13", None],
        }
    )
    dolo = pl.DataFrame({"CHILD": ["1", "2"], "DOLO_START": ["01/06/2026"] * 2})
    assert flagged("707", 2027, {"DoLo": dolo, "Episodes": eps}) == {"DoLo": [0]}
