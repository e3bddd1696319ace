import polars as pl

from lookedafter.validation.helpers_b import d, flagged, spells
from lookedafter.validation.registry import Context, rule

_MAX_DAYS = 21


@rule(
    "362",
    message=(
        "An emergency protection order (L2) lasted longer than 21 days. Check DECOM, DEC and "
        "LS (open episodes count to 31 March)."
    ),
    table="Episodes",
    fields=("LS", "DECOM", "DEC"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return spells(ctx["Episodes"], pl.col("LS") == "L2", ctx).filter(
        pl.col("SPELL_DAYS") > _MAX_DAYS
    )


def test_362_limits_the_length_of_L2() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "3", "4"],
            "LS": ["L2", "L2", "L2", "L2", "C2"],
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
    assert flagged("362", {"Episodes": eps}) == {"Episodes": [0, 2, 3]}
