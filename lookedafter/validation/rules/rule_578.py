import polars as pl

from lookedafter.validation.derive import last_rows
from lookedafter.validation.helpers_c import ceased_care, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "578",
    message="The missing or away episode starts after the child ceased to be looked after. Correct "
    "the start date, or remove the episode if it happened after the child left care.",
    table="Missing",
    fields=("MIS_START",),
    needs=("Episodes", "Missing"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    left = (
        last_rows(ctx, "Episodes", "DECOM")
        .filter(ceased_care())
        .select("CHILD", pl.col("DEC").alias("LEFT_CARE"))
    )
    return ctx["Missing"].join(left, on="CHILD").filter(pl.col("MIS_START") > pl.col("LEFT_CARE"))


def test_578_missing_only_while_looked_after() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2"],
            "DECOM": ["01/05/2025"] * 2,
            "DEC": ["01/07/2025", None],
            "REC": ["E13", None],
        }
    )
    missing = pl.DataFrame(
        {"CHILD": ["1", "1", "2"], "MIS_START": ["02/07/2025", "01/07/2025", "02/07/2025"]}
    )
    assert flagged("578", 2026, {"Episodes": eps, "Missing": missing}) == {"Missing": [0]}
