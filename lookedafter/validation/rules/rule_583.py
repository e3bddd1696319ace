import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "583",
    message="There is a later decision to place the child for adoption, but this earlier decision "
    "has no date it ceased. Check both decisions are needed and record when the earlier one"
    " ceased (this may have been in an earlier year).",
    table="PlacedAdoption",
    fields=("DATE_PLACED", "DATE_PLACED_CEASED"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    pa = ctx["PlacedAdoption"].filter(pl.col("DATE_PLACED").is_not_null())
    latest = pl.col("DATE_PLACED").max().over("CHILD")
    return pa.filter(pl.col("DATE_PLACED_CEASED").is_null() & (pl.col("DATE_PLACED") < latest))


def test_583_earlier_decision_must_be_closed() -> None:
    pa = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "2", "3"],
            "DATE_PLACED": ["01/01/2025", "01/05/2025", "01/01/2025", "01/05/2025", "01/01/2025"],
            "DATE_PLACED_CEASED": [None, None, "01/03/2025", None, None],
        }
    )
    assert flagged("583", 2026, {"PlacedAdoption": pa}) == {"PlacedAdoption": [0]}
