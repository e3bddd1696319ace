import polars as pl

from lookedafter.validation.helpers_b import flagged, providers_frame, with_provider
from lookedafter.validation.registry import Context, rule


@rule(
    "219",
    message="The placement type is not one Ofsted's record for this URN allows. Check PLACE and "
    "URN against the provider's registration.",
    table="Episodes",
    fields=("URN", "PLACE"),
    needs=("Episodes", "Providers"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    codes = pl.col("P_PLACE_CODES")
    return with_provider(ctx["Episodes"], ctx).filter(
        (codes.list.len() > 0) & ~codes.list.contains(pl.col("PLACE").fill_null(""))
    )


def test_219_placement_type_matches_the_provider() -> None:
    providers = providers_frame(
        [{"URN": "SC000001", "PLACE_CODES": ["K2"]}, {"URN": "SC000002", "PLACE_CODES": []}]
    )
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4", "5"],
            "PLACE": ["U4", "K2", "U4", "U4", "U4"],
            "URN": ["SC000001", "sc000001", "SC000002", "XXXXXXX", "SC999999"],
        }
    )
    got = flagged("219", {"Episodes": eps}, extra={"Providers": providers})
    assert got == {"Episodes": [0]}
