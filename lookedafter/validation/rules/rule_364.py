import polars as pl

from lookedafter.validation.helpers_b import d, flagged, spells
from lookedafter.validation.registry import Context, rule

_MAX_DAYS = 21


@rule(
    "364",
    message=(
        "A child was held under PACE (J2) in local authority accommodation for more than 21 "
        "days, longer than PACE allows. Check DECOM, DEC and LS (open episodes count to 31 "
        "March)."
    ),
    table="Episodes",
    fields=("LS", "DECOM", "DEC"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return spells(ctx["Episodes"], pl.col("LS") == "J2", ctx).filter(
        pl.col("SPELL_DAYS") > _MAX_DAYS
    )


def test_364_limits_the_length_of_J2() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "3", "4"],
            "LS": ["J2", "J2", "J2", "J2", "C2"],
            "DECOM": [
                d("2025-06-01"),
                d("2025-06-01"),
                d("2025-06-01"),
                d("2025-06-02"),
                d("2025-06-01"),
            ],
            "DEC": [
                d("2025-06-23"),
                d("2025-06-22"),
                d("2025-06-02"),
                d("2025-06-23"),
                d("2025-06-23"),
            ],
        }
    )
    # Child 3's two back-to-back episodes are one spell, too long taken together.
    assert flagged("364", {"Episodes": eps}) == {"Episodes": [0, 2, 3]}
