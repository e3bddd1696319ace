import polars as pl

from lookedafter.validation.helpers_b import flagged, providers_frame, with_provider
from lookedafter.validation.registry import Context, rule


@rule(
    "224",
    message="The placement provider code is not one Ofsted's record for this URN allows (for "
    "example a private home recorded as own provision). Check PLACE_PROVIDER and URN.",
    table="Episodes",
    fields=("PLACE_PROVIDER",),
    needs=("Episodes", "Providers"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    codes = pl.col("P_PROVIDER_CODES")
    return with_provider(ctx["Episodes"], ctx).filter(
        (codes.list.len() > 0) & ~codes.list.contains(pl.col("PLACE_PROVIDER").fill_null(""))
    )


def test_224_provider_code_matches_the_provider() -> None:
    providers = providers_frame([{"URN": "SC000001", "PROVIDER_CODES": ["PR4", "PR5"]}])
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "PLACE_PROVIDER": ["PR1", "PR4", None],
            "URN": ["SC000001"] * 3,
        }
    )
    got = flagged("224", {"Episodes": eps}, extra={"Providers": providers})
    assert got == {"Episodes": [0, 2]}
