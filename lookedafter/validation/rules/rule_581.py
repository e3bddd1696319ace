import polars as pl

from lookedafter.validation.derive import first_rows
from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "581",
    message="The missing or away episode starts before the child started to be looked after. "
    "Correct the start date, or remove the episode if it happened before care began.",
    table="Missing",
    fields=("MIS_START",),
    needs=("Episodes", "Missing"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    started = first_rows(ctx, "Episodes", "DECOM").select("CHILD", pl.col("DECOM").alias("STARTED"))
    return ctx["Missing"].join(started, on="CHILD").filter(pl.col("MIS_START") < pl.col("STARTED"))


def test_581_missing_only_after_care_starts() -> None:
    eps = pl.DataFrame({"CHILD": ["1", "1"], "DECOM": ["01/05/2025", "01/07/2025"]})
    missing = pl.DataFrame({"CHILD": ["1", "1"], "MIS_START": ["30/04/2025", "01/05/2025"]})
    assert flagged("581", 2026, {"Episodes": eps, "Missing": missing}) == {"Missing": [0]}
