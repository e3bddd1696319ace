import polars as pl

from lookedafter.validation.helpers_b import (
    RESPITE_LEGAL_STATUSES,
    flagged,
    postcode_key,
    providers_frame,
    with_provider,
)
from lookedafter.validation.registry import Context, rule

# Placement types at a registered setting whose address is the placement address.
_AT_THE_SETTING = ("K1", "K2", "R3", "S1")


@rule(
    "221",
    message="The placement postcode differs from the postcode Ofsted holds for this URN. Check "
    "PL_POST and URN.",
    table="Episodes",
    fields=("PL_POST",),
    needs=("Episodes", "Providers"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return with_provider(ctx["Episodes"], ctx).filter(
        ~pl.col("LS").is_in(RESPITE_LEGAL_STATUSES).fill_null(False)
        & pl.col("PLACE").is_in(_AT_THE_SETTING)
        & (postcode_key("PL_POST") != postcode_key("P_POSTCODE"))
    )


def test_221_placement_postcode_matches_the_provider() -> None:
    providers = providers_frame([{"URN": "SC000001", "POSTCODE": "M1 1AE"}])
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "LS": ["C2", "C2", "V3", "C2"],
            "PLACE": ["K2", "K2", "K2", "U4"],
            "PL_POST": ["M2 3RT", "m11ae", "M2 3RT", "M2 3RT"],
            "URN": ["SC000001"] * 4,
        }
    )
    got = flagged("221", {"Episodes": eps}, extra={"Providers": providers})
    assert got == {"Episodes": [0]}
