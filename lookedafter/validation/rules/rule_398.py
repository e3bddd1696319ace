import polars as pl

from lookedafter.validation.helpers_b import RESPITE_LEGAL_STATUSES, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "398",
    message="Postcodes (from which the placement distance is worked out) are given for a short "
    "break (LS V3 or V4). Leave HOME_POST and PL_POST blank for short breaks.",
    table="Episodes",
    fields=("LS", "HOME_POST", "PL_POST"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        pl.col("LS").is_in(RESPITE_LEGAL_STATUSES)
        & (pl.col("HOME_POST").is_not_null() | pl.col("PL_POST").is_not_null())
    )


def test_398_no_postcodes_for_short_breaks() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "LS": ["V3", "V4", "C2"],
            "HOME_POST": ["M1 1AE", None, "M1 1AE"],
            "PL_POST": [None, None, "M1 1AE"],
        }
    )
    assert flagged("398", {"Episodes": eps}) == {"Episodes": [0]}
