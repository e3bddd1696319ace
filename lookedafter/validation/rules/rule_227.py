import polars as pl

from lookedafter.validation.helpers_b import d, flagged, providers_frame, with_provider
from lookedafter.validation.registry import Context, rule


@rule(
    "227",
    message="The placement started when the provider with this URN was not registered with "
    "Ofsted (before it opened or after it closed). Check DECOM and URN.",
    table="Episodes",
    fields=("URN", "DECOM"),
    needs=("Episodes", "Providers"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    start = pl.col("DECOM")
    return with_provider(ctx["Episodes"], ctx).filter(
        (start < pl.col("P_REG_START")) | (start > pl.col("P_REG_END"))
    )


def test_227_provider_registered_when_the_placement_began() -> None:
    providers = providers_frame(
        [{"URN": "SC000001", "REG_START": d("2024-01-01"), "REG_END": d("2025-12-31")}]
    )
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DECOM": [d("2023-12-31"), d("2024-01-01"), d("2026-01-01")],
            "URN": ["SC000001"] * 3,
        }
    )
    got = flagged("227", {"Episodes": eps}, extra={"Providers": providers})
    assert got == {"Episodes": [0, 2]}
