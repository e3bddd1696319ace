import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "NoE",
    message="This episode started before the collection year, but last year's return has no "
    "episodes for the child. Check the start date, or add the child's episodes to last "
    "year's return.",
    table="Episodes",
    fields=("DECOM",),
    needs=("Episodes", "Episodes_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    earlier = ctx["Episodes"].filter(pl.col("DECOM") < ctx.start)
    return earlier.join(ctx["Episodes_last"], on="CHILD", how="anti")


def test_NoE_child_in_care_before_the_year_is_in_last_years_return() -> None:
    eps = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DECOM": ["14/03/2025", "08/09/2025", "03/10/2024"]}
    )
    last = pl.DataFrame({"CHILD": ["1"], "DECOM": ["14/03/2025"]})
    assert flagged("NoE", 2026, {"Episodes": eps}, {"Episodes": last}) == {"Episodes": [2]}
