import polars as pl

from lookedafter.validation.helpers_b import RESPITE_LEGAL_STATUSES, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "214",
    message="A placement postcode or URN is recorded for a short-break (respite) episode "
    "(legal status V3 or V4). Leave PL_POST and URN blank for these episodes.",
    table="Episodes",
    fields=("PL_POST", "URN"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        pl.col("LS").is_in(RESPITE_LEGAL_STATUSES)
        & (pl.col("PL_POST").is_not_null() | pl.col("URN").is_not_null())
    )


def test_214_no_placement_location_for_short_breaks() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "LS": ["V3", "V4", "C2", "V4"],
            "PL_POST": ["M2 3RT", None, "M2 3RT", None],
            "URN": [None, "SC045099", "SC045099", None],
        }
    )
    assert flagged("214", {"Episodes": eps}) == {"Episodes": [0, 1]}
