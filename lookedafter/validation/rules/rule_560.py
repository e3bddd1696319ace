import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "560",
    message="Last year's return showed an open decision to place the child for adoption, but this "
    "year's decision dated before the year starts has a different date. Report the same "
    "decision date as last year.",
    table="PlacedAdoption",
    fields=("DATE_PLACED", "DATE_PLACED_CEASED"),
    needs=("PlacedAdoption", "PlacedAdoption_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    open_last = ctx["PlacedAdoption_last"].filter(
        pl.col("DATE_PLACED").is_not_null() & pl.col("DATE_PLACED_CEASED").is_null()
    )
    carried = ctx["PlacedAdoption"].filter(pl.col("DATE_PLACED") < ctx.start)
    same = carried.join(open_last, on=["CHILD", "DATE_PLACED"], how="semi")
    return carried.join(open_last, on="CHILD", how="semi").join(same, on="CHILD", how="anti")


def test_560_open_decision_keeps_its_date() -> None:
    pa = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DATE_PLACED": ["01/02/2025", "02/02/2025", "01/05/2025"]}
    )
    last = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DATE_PLACED": ["01/02/2025"] * 3,
            "DATE_PLACED_CEASED": [None, None, None],
        }
    )
    assert flagged("560", 2026, {"PlacedAdoption": pa}, {"PlacedAdoption": last}) == {
        "PlacedAdoption": [1]
    }
