import polars as pl

from lookedafter.validation.helpers_b import RESPITE_LEGAL_STATUSES, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "420",
    message="A placement authority (PL_LA, from the placement postcode) is recorded for a short "
    "break (LS V3 or V4). Leave PL_POST blank for short breaks.",
    table="Episodes",
    fields=("PL_LA",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        pl.col("LS").is_in(RESPITE_LEGAL_STATUSES) & pl.col("PL_LA").is_not_null()
    )


def test_420_no_placement_authority_for_short_breaks() -> None:
    from lookedafter.lib import postcodes

    real = postcodes.lookup(["M"])["PCD"][0]
    eps = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "LS": ["V3", "V3", "C2"], "PL_POST": [real, None, real]}
    )
    assert flagged("420", {"Episodes": eps}) == {"Episodes": [0]}
