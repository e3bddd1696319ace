import polars as pl

from lookedafter.schema.codes import valid_for_year
from lookedafter.validation.derive import year_label
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "146",
    message="The placement type is not a valid code for this year (from 2025-26 Z1 is split into "
    "Z11 to Z14, and H5 and P2 are no longer used). Check PLACE.",
    table="Episodes",
    fields=("PLACE",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    valid = sorted(valid_for_year("PLACE", year_label(ctx.year)))
    place = pl.col("PLACE")
    return ctx["Episodes"].filter(place.is_not_null() & ~place.is_in(valid))


def test_146_uses_the_years_placement_codes() -> None:
    eps = {"CHILD": list("12345"), "PLACE": ["U1", "Z1", "Z11", "H5", "u1"]}
    assert flags({"Episodes": eps}, "146", 2025) == {"Episodes": [2, 4]}
    assert flags({"Episodes": eps}, "146", 2026) == {"Episodes": [1, 3, 4]}
