import polars as pl

from lookedafter.validation.helpers_b import (
    OTHER_PLACEMENTS,
    TEMPORARY_PLACEMENTS,
    flagged,
    providers_frame,
    with_provider,
)
from lookedafter.validation.registry import Context, rule

# Placement types where the provider's own authority is not checked.
_NOT_CHECKED = ("H5", "K3", "P1", "P3", "R1", "R2", "R5", *TEMPORARY_PLACEMENTS, *OTHER_PLACEMENTS)


@rule(
    "229",
    message="The placement provider code disagrees with where the provider is: own provision "
    "(PR1) must be in the authority's area and other-authority provision (PR2) outside it "
    "(the provider's area comes from its postcode). Check PLACE_PROVIDER and URN.",
    table="Episodes",
    fields=("URN", "PLACE_PROVIDER"),
    needs=("Episodes", "Providers", "LA"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    own = pl.col("P_LA").is_in(pl.Series(sorted(ctx.own_areas), dtype=pl.String).implode())
    provider = pl.col("PLACE_PROVIDER")
    return (
        with_provider(ctx["Episodes"], ctx)
        .filter(
            ~pl.col("PLACE").is_in(_NOT_CHECKED).fill_null(False) & pl.col("P_LA").is_not_null()
        )
        .filter(((provider == "PR1") & ~own) | ((provider == "PR2") & own))
    )


def test_229_own_provision_is_in_the_authority() -> None:
    providers = providers_frame(
        [{"URN": "SC000001", "LA": "E08000003"}, {"URN": "SC000002", "LA": "E08000012"}]
    )
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4", "5"],
            "PLACE": ["K2", "K2", "K2", "K2", "R1"],
            "PLACE_PROVIDER": ["PR1", "PR2", "PR1", "PR2", "PR1"],
            "URN": ["SC000002", "SC000001", "SC000001", "SC000002", "SC000002"],
        }
    )
    got = flagged("229", {"Episodes": eps}, la_code="E08000003", extra={"Providers": providers})
    assert got == {"Episodes": [0, 1]}
