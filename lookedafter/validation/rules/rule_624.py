import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "624",
    message="The date of birth of the mother's first child differs from last year's return. Check "
    "which date is right and correct it.",
    table="Header",
    fields=("MC_DOB",),
    needs=("Header", "Header_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    last = ctx["Header_last"].filter(pl.col("MC_DOB").is_not_null())
    last = last.select("CHILD", pl.col("MC_DOB").alias("MC_DOB_LAST"))
    return ctx["Header"].join(last, on="CHILD").filter(pl.col("MC_DOB") != pl.col("MC_DOB_LAST"))


def test_624_first_childs_birth_date_is_stable() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2", "3"], "MC_DOB": ["01/01/2025", "01/01/2025", None]})
    last = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "MC_DOB": ["02/01/2025", "01/01/2025", "01/01/2025"]}
    )
    assert flagged("624", 2026, {"Header": header}, {"Header": last}) == {"Header": [0]}
