import polars as pl

from lookedafter.validation.helpers_c import differs_from_open_last, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "503H",
    message="The placement local authority of this year's first episode differs from the episode "
    "left open at the end of last year's return. Check the placement postcode carried over.",
    table="Episodes",
    fields=("PL_LA",),
    needs=("Episodes", "Episodes_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return differs_from_open_last(ctx, "PL_LA")


def test_503H_follows_the_placement_postcode() -> None:
    last = pl.DataFrame(
        {"CHILD": ["1", "2"], "DECOM": ["01/01/2025"] * 2, "PL_POST": ["SW1A 1AA", "SW1A 1AA"]}
    )
    eps = pl.DataFrame(
        {"CHILD": ["1", "2"], "DECOM": ["01/01/2025"] * 2, "PL_POST": ["SW1A 1AA", None]}
    )
    assert flagged("503H", 2026, {"Episodes": eps}, {"Episodes": last}) == {"Episodes": [1]}
