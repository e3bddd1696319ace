import polars as pl

from lookedafter.validation.helpers_b import d, flagged, spells
from lookedafter.validation.registry import Context, rule

_MAX_DAYS = 3


@rule(
    "361",
    message=(
        "Police protection (L1) lasted longer than the 72 hours the Children Act 1989 allows."
        " Check DECOM, DEC and LS (open episodes count to 31 March)."
    ),
    table="Episodes",
    fields=("LS", "DECOM", "DEC"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return spells(ctx["Episodes"], pl.col("LS") == "L1", ctx).filter(
        pl.col("SPELL_DAYS") > _MAX_DAYS
    )


def test_361_limits_the_length_of_L1() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "3", "4"],
            "LS": ["L1", "L1", "L1", "L1", "C2"],
            "DECOM": [
                d("2025-06-01"),
                d("2025-06-01"),
                d("2025-06-01"),
                d("2025-06-02"),
                d("2025-06-01"),
            ],
            "DEC": [
                d("2025-06-05"),
                d("2025-06-04"),
                d("2025-06-02"),
                d("2025-06-05"),
                d("2025-06-05"),
            ],
        }
    )
    # Child 3's two back-to-back episodes are one spell, too long taken together.
    assert flagged("361", {"Episodes": eps}) == {"Episodes": [0, 2, 3]}
