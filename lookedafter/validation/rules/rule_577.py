import polars as pl

from lookedafter.validation.derive import last_rows
from lookedafter.validation.helpers_c import ceased_care, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "577",
    message="The child has ceased to be looked after but a missing or away episode has no end date."
    " Add the date the missing or away episode ended.",
    table="Missing",
    fields=("MIS_END",),
    needs=("Episodes", "Missing"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    left = last_rows(ctx, "Episodes", "DECOM").filter(ceased_care() & pl.col("DEC").is_not_null())
    return ctx["Missing"].filter(pl.col("MIS_END").is_null()).join(left, on="CHILD", how="semi")


def test_577_leaving_care_closes_missing_episodes() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DECOM": ["01/05/2025"] * 3,
            "DEC": ["01/07/2025", "01/07/2025", "01/07/2025"],
            "REC": ["E13", "X1", "E13"],
        }
    )
    missing = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "MIS_START": ["01/06/2025"] * 3,
            "MIS_END": [None, None, "02/06/2025"],
        }
    )
    assert flagged("577", 2026, {"Episodes": eps, "Missing": missing}) == {"Missing": [0]}
