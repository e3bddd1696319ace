import polars as pl

from lookedafter.validation.helpers_b import d, flagged, providers_frame, with_provider
from lookedafter.validation.registry import Context, rule


@rule(
    "228",
    message="The placement ended (or was still open at 31 March) after the provider with this "
    "URN closed. Check DEC and URN; the child may have moved when the provider closed.",
    table="Episodes",
    fields=("URN", "DEC"),
    needs=("Episodes", "Providers"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    end = pl.coalesce(pl.col("DEC"), pl.lit(ctx.end))
    return with_provider(ctx["Episodes"], ctx).filter(end > pl.col("P_REG_END"))


def test_228_provider_registered_when_the_placement_ended() -> None:
    providers = providers_frame([{"URN": "SC000001", "REG_END": d("2025-12-31")}])
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DEC": [d("2026-01-01"), d("2025-12-31"), None],
            "URN": ["SC000001"] * 3,
        }
    )
    got = flagged("228", {"Episodes": eps}, extra={"Providers": providers})
    assert got == {"Episodes": [0, 2]}
