import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule

# Placements that provider PR2 cannot offer (DfE guide, PLACE_PROVIDER notes).
NOT_WITH_PR2 = ("P1", "R2", "R5")


@rule(
    "528",
    message="The placement provider is another authority (PR2) but the placement is with parents "
    "(P1), a health setting (R2) or a young offender institution (R5). Correct the provider"
    " or the placement type.",
    table="Episodes",
    fields=("PLACE", "PLACE_PROVIDER"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        (pl.col("PLACE_PROVIDER") == "PR2") & pl.col("PLACE").is_in(NOT_WITH_PR2)
    )


def test_528_provider_and_placement_agree() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "PLACE": ["P1", "K2", "P1"],
            "PLACE_PROVIDER": ["PR2", "PR2", "PR0"],
        }
    )
    assert flagged("528", 2026, {"Episodes": eps}) == {"Episodes": [0]}
