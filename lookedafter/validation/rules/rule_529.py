import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule

# Placements that provider PR3 cannot offer (DfE guide, PLACE_PROVIDER notes).
NOT_WITH_PR3 = ("P1", "A3", "A4", "A5", "A6", "K1", "K2", "U1", "U2", "U3", "U4", "U5", "U6")


@rule(
    "529",
    message="The placement provider is another public body (PR3) but the placement is with parents,"
    " for adoption, in a children's home or in foster care, which other public bodies "
    "cannot provide. Correct the provider or the placement type.",
    table="Episodes",
    fields=("PLACE", "PLACE_PROVIDER"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        (pl.col("PLACE_PROVIDER") == "PR3") & pl.col("PLACE").is_in(NOT_WITH_PR3)
    )


def test_529_provider_and_placement_agree() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "PLACE": ["U3", "R2", "U3"],
            "PLACE_PROVIDER": ["PR3", "PR3", "PR0"],
        }
    )
    assert flagged("529", 2026, {"Episodes": eps}) == {"Episodes": [0]}
