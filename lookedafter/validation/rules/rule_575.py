import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "575",
    message="The placement the child went missing or away from has ended, but the missing or away "
    "episode has no end date. Add the date the child returned or was found.",
    table="Missing",
    fields=("MIS_END",),
    needs=("Episodes", "Missing"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    ended = ctx["Episodes"].filter(pl.col("DEC").is_not_null()).select("CHILD", "DECOM", "DEC")
    open_missing = ctx["Missing"].filter(pl.col("MIS_END").is_null())
    during = open_missing.join(ended, on="CHILD").filter(
        pl.col("MIS_START").is_between(pl.col("DECOM"), pl.col("DEC"))
    )
    return open_missing.join(during.select("ROW"), on="ROW", how="semi")


def test_575_missing_ends_when_placement_ends() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "2"],
            "DECOM": ["01/05/2025", "01/05/2025", "01/07/2025"],
            "DEC": ["01/07/2025", "01/07/2025", None],
        }
    )
    missing = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2"],
            "MIS_START": ["01/06/2025", "02/06/2025", "01/08/2025"],
            "MIS_END": [None, "03/06/2025", None],
        }
    )
    assert flagged("575", 2026, {"Episodes": eps, "Missing": missing}) == {"Missing": [0]}
