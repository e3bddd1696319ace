import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule

# Placements that provider PR4 cannot offer (DfE guide, PLACE_PROVIDER notes).
NOT_WITH_PR4 = ("P1",)


@rule(
    "530",
    message="The placement provider is private provision (PR4) but the child is placed with parents"
    " (P1). Use PR0 for placements with parents.",
    table="Episodes",
    fields=("PLACE", "PLACE_PROVIDER"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        (pl.col("PLACE_PROVIDER") == "PR4") & pl.col("PLACE").is_in(NOT_WITH_PR4)
    )


def test_530_provider_and_placement_agree() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "PLACE": ["P1", "K2", "P1"],
            "PLACE_PROVIDER": ["PR4", "PR4", "PR0"],
        }
    )
    assert flagged("530", 2026, {"Episodes": eps}) == {"Episodes": [0]}
