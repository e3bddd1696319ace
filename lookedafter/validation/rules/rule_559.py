import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "559",
    message="The decision to place the child for adoption is dated before this year, but last "
    "year's return has no such decision for the child. Check the date, or add the decision "
    "to last year's return.",
    table="PlacedAdoption",
    fields=("DATE_PLACED",),
    needs=("PlacedAdoption", "PlacedAdoption_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    last = ctx["PlacedAdoption_last"].filter(pl.col("DATE_PLACED").is_not_null())
    earlier = ctx["PlacedAdoption"].filter(pl.col("DATE_PLACED") < ctx.start)
    return earlier.join(last, on="CHILD", how="anti")


def test_559_earlier_decision_must_appear_last_year() -> None:
    pa = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DATE_PLACED": ["01/02/2025", "01/02/2025", "01/05/2025"]}
    )
    last = pl.DataFrame({"CHILD": ["1"], "DATE_PLACED": ["01/02/2025"]})
    assert flagged("559", 2026, {"PlacedAdoption": pa}, {"PlacedAdoption": last}) == {
        "PlacedAdoption": [1]
    }
