import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule

# Placements that provider PR1 cannot offer (DfE guide, PLACE_PROVIDER notes).
NOT_WITH_PR1 = ("P1", "R2", "R5")


@rule(
    "527",
    message="The placement provider is the authority's own provision (PR1) but the placement is "
    "with parents (P1), a health setting (R2) or a young offender institution (R5), which "
    "the authority does not provide. Correct the provider or the placement type.",
    table="Episodes",
    fields=("PLACE", "PLACE_PROVIDER"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        (pl.col("PLACE_PROVIDER") == "PR1") & pl.col("PLACE").is_in(NOT_WITH_PR1)
    )


def test_527_provider_and_placement_agree() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "PLACE": ["R2", "U4", "R2"],
            "PLACE_PROVIDER": ["PR1", "PR1", "PR0"],
        }
    )
    assert flagged("527", 2026, {"Episodes": eps}) == {"Episodes": [0]}
