import polars as pl

from lookedafter.validation.helpers_c import differs_from_open_last, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "503D",
    message="The placement type of this year's first episode differs from the episode left open at "
    "the end of last year's return. The carried-over episode must keep the same placement "
    "type.",
    table="Episodes",
    fields=("PLACE",),
    needs=("Episodes", "Episodes_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return differs_from_open_last(ctx, "PLACE")


def test_503D_first_episode_matches_last_years_open_episode() -> None:
    last = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "DECOM": ["01/01/2025"] * 4,
            "DEC": [None, None, "01/02/2025", None],
            "PLACE": ["U1", "U1", "U1", None],
        }
    )
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "3", "4"],
            "DECOM": ["01/01/2025", "01/06/2025", "01/01/2025", "01/06/2025", "01/01/2025"],
            "PLACE": ["U1", "U3", "U3", "U3", "U3"],
        }
    )
    assert flagged("503D", 2026, {"Episodes": eps}, {"Episodes": last}) == {"Episodes": [2, 4]}
