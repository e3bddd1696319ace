import polars as pl

from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "119",
    message="When the decision to place for adoption is reversed, give both the date of that "
    "decision and the reason. Check DATE_PLACED_CEASED and REASON_PLACED_CEASED.",
    table="PlacedAdoption",
    fields=("REASON_PLACED_CEASED", "DATE_PLACED_CEASED"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    date_given = pl.col("DATE_PLACED_CEASED").is_not_null()
    reason_given = pl.col("REASON_PLACED_CEASED").is_not_null()
    return ctx["PlacedAdoption"].filter(date_given != reason_given)


def test_119_flags_a_date_without_a_reason_and_a_reason_without_a_date() -> None:
    rows = {
        "CHILD": list("1234"),
        "DATE_PLACED_CEASED": ["01/06/2025", "01/06/2025", None, None],
        "REASON_PLACED_CEASED": ["RD1", None, "RD2", None],
    }
    assert flags({"PlacedAdoption": rows}, "119") == {"PlacedAdoption": [1, 2]}
