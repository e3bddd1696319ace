from datetime import date

import polars as pl

from lookedafter.validation.helpers_b import d, flagged, years_after
from lookedafter.validation.registry import Context, rule


@rule(
    "209",
    message="UPN is UN1 (not of school age) but the child was of school age. Enter the child's "
    "UPN, or another UN code that explains why it is unknown.",
    table="Header",
    fields=("UPN", "DOB"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    # School age: four or older on 31 August of the calendar year before the collection starts.
    cutoff = date(ctx.start.year - 1, 8, 31)
    return ctx["Header"].filter(
        (pl.col("UPN").str.to_uppercase() == "UN1")
        & (years_after(pl.col("DOB"), 4) <= pl.lit(cutoff))
    )


def test_209_un1_only_for_children_below_school_age() -> None:
    header = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "UPN": ["UN1", "UN1", "UN2", "UN1"],
            "DOB": [d("2015-10-03"), d("2020-11-11"), d("2015-10-03"), d("2020-08-31")],
        }
    )
    # 2025-26: cutoff 31 August 2024.
    assert flagged("209", {"Header": header}) == {"Header": [0, 3]}
