import polars as pl

from lookedafter.validation.helpers_c import differs_from_open_last, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "503G",
    message="The placement distance of this year's first episode differs from the episode left open"
    " at the end of last year's return. Check the home and placement postcodes carried "
    "over.",
    table="Episodes",
    fields=("PL_DISTANCE",),
    needs=("Episodes", "Episodes_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return differs_from_open_last(ctx, "PL_DISTANCE")


def test_503G_distance_comes_from_the_postcodes_carried_over() -> None:
    last = pl.DataFrame(
        {
            "CHILD": ["1", "2"],
            "DECOM": ["01/01/2025"] * 2,
            "HOME_POST": ["SW1A 1AA", "SW1A 1AA"],
            "PL_POST": ["SW1A 1AA", "SW1A 1AA"],
        }
    )
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2"],
            "DECOM": ["01/01/2025"] * 2,
            "HOME_POST": ["SW1A 1AA", "SW1A 1AA"],
            "PL_POST": ["SW1A 1AA", None],
        }
    )
    assert flagged("503G", 2026, {"Episodes": eps}, {"Episodes": last}) == {"Episodes": [1]}
