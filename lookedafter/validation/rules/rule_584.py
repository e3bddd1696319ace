import polars as pl

from lookedafter.validation.helpers_c import flagged, present
from lookedafter.validation.registry import Context, rule


@rule(
    "584",
    message="Last year's decision to place the child for adoption ceased, so any decision reported "
    "this year must be a new one dated after it. Correct the decision date or remove the "
    "ceased decision.",
    table="PlacedAdoption",
    fields=("DATE_PLACED",),
    needs=("PlacedAdoption", "PlacedAdoption_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    ceased_last = (
        ctx["PlacedAdoption_last"]
        .filter(
            pl.col("DATE_PLACED").is_not_null()
            & present("DATE_PLACED_CEASED", "REASON_PLACED_CEASED")
        )
        .group_by("CHILD")
        .agg(pl.col("DATE_PLACED").max().alias("CEASED_DECISION"))
    )
    return (
        ctx["PlacedAdoption"]
        .join(ceased_last, on="CHILD")
        .filter(
            pl.col("DATE_PLACED").is_null() | (pl.col("DATE_PLACED") <= pl.col("CEASED_DECISION"))
        )
    )


def test_584_new_decision_after_a_ceased_one() -> None:
    pa = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "DATE_PLACED": ["01/02/2025", "01/06/2025", None, "01/01/2025"],
        }
    )
    last = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "DATE_PLACED": ["01/02/2025"] * 4,
            "DATE_PLACED_CEASED": ["01/03/2025", "01/03/2025", "01/03/2025", None],
        }
    )
    assert flagged("584", 2026, {"PlacedAdoption": pa}, {"PlacedAdoption": last}) == {
        "PlacedAdoption": [0, 2]
    }
