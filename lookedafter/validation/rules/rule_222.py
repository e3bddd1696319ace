import polars as pl

from lookedafter.validation.helpers_b import (
    NO_URN,
    OTHER_PLACEMENTS,
    TEMPORARY_PLACEMENTS,
    flagged,
)
from lookedafter.validation.registry import Context, rule

# Placement types with no Ofsted registration (parents, employment, NHS, YOI, temporary, other).
_UNREGISTERED = ("P1", "P3", "R1", "R2", "R5", *TEMPORARY_PLACEMENTS, *OTHER_PLACEMENTS)


@rule(
    "222",
    message="An Ofsted URN is recorded for a placement type that has none. Leave URN blank or "
    "enter XXXXXXX, or correct PLACE.",
    table="Episodes",
    fields=("URN",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        pl.col("PLACE").is_in(_UNREGISTERED)
        & pl.col("URN").is_not_null()
        & (pl.col("URN").str.to_uppercase() != NO_URN)
    )


def test_222_no_urn_for_unregistered_placements() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4", "5"],
            "PLACE": ["R1", "T2", "U1", "R1", "Z11"],
            "URN": ["SC1", "SC2", "SC3", "XXXXXXX", "SC4"],
        }
    )
    assert flagged("222", {"Episodes": eps}) == {"Episodes": [0, 1, 4]}
