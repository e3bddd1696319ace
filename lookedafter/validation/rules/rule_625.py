import polars as pl

from lookedafter.validation.derive import last_rows
from lookedafter.validation.helpers_c import ceased_care, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "625",
    message="The date of birth of the mother's first child is after the end of the year or after "
    "she ceased to be looked after. Correct the date, or remove it if the baby was born "
    "after she left care.",
    table="Header",
    fields=("MC_DOB", "DEC"),
    needs=("Header", "Episodes"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    left = (
        last_rows(ctx, "Episodes", "DECOM")
        .filter(ceased_care())
        .select("CHILD", pl.col("DEC").alias("LEFT_CARE"))
    )
    header = ctx["Header"].join(left, on="CHILD", how="left")
    return header.filter((pl.col("MC_DOB") > ctx.end) | (pl.col("MC_DOB") > pl.col("LEFT_CARE")))


def test_625_first_child_born_while_looked_after() -> None:
    header = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "MC_DOB": ["01/04/2026", "01/09/2025", "01/09/2025"]}
    )
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DECOM": ["01/01/2025"] * 3,
            "DEC": [None, "01/08/2025", "01/10/2025"],
            "REC": [None, "E13", "E13"],
        }
    )
    assert flagged("625", 2026, {"Header": header, "Episodes": eps}) == {"Header": [0, 1]}
