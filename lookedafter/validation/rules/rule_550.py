import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "550",
    message="The placement provider is parents (PR0) but the placement type is not placed with "
    "parents (P1). Use PR0 only for P1 placements.",
    table="Episodes",
    fields=("PLACE", "PLACE_PROVIDER"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        (pl.col("PLACE_PROVIDER") == "PR0") & pl.col("PLACE").ne_missing("P1")
    )


def test_550_parents_provide_only_placements_with_parents() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "PLACE": ["U4", "P1", "U4"],
            "PLACE_PROVIDER": ["PR0", "PR0", "PR4"],
        }
    )
    assert flagged("550", 2026, {"Episodes": eps}) == {"Episodes": [0]}
