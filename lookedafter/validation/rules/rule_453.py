import polars as pl

from lookedafter.validation.helpers_b import carried_over, d, flagged
from lookedafter.validation.registry import Context, rule

# Distances are to 0.1 mile; allow for rounding when the two years were computed apart.
_TOLERANCE_MILES = 0.2


@rule(
    "453",
    message="The placement distance in this year's first episode differs from last year's "
    "final episode, which was still open. Check HOME_POST and PL_POST in both years.",
    table="Episodes",
    fields=("PL_DISTANCE",),
    needs=("Episodes", "Episodes_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    gap = (pl.col("PL_DISTANCE") - pl.col("PL_DISTANCE_last")).abs()
    return carried_over(ctx).filter(gap > _TOLERANCE_MILES)


def test_453_placement_distance_carries_over() -> None:
    from lookedafter.lib import postcodes

    ref = postcodes.lookup(["M", "L"])
    manchester = ref.filter(pl.col("PCD").str.starts_with("M1"))["PCD"][0]
    liverpool = ref.filter(pl.col("PCD").str.starts_with("L1"))["PCD"][0]
    now = pl.DataFrame(
        {
            "CHILD": ["1", "2"],
            "DECOM": [d("2024-06-01")] * 2,
            "HOME_POST": [manchester, manchester],
            "PL_POST": [liverpool, manchester],
        }
    )
    last = now.with_columns(pl.lit(manchester).alias("PL_POST"))
    assert flagged("453", {"Episodes": now}, last={"Episodes": last}) == {"Episodes": [0]}
