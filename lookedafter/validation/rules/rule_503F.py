import polars as pl

from lookedafter.validation.helpers_c import differs_from_open_last, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "503F",
    message="The Ofsted URN of this year's first episode differs from the episode left open at the "
    "end of last year's return. The carried-over episode must keep the same Ofsted URN.",
    table="Episodes",
    fields=("URN",),
    needs=("Episodes", "Episodes_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return differs_from_open_last(ctx, "URN")


def test_503F_first_episode_matches_last_years_open_episode() -> None:
    last = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "DECOM": ["01/01/2025"] * 4,
            "DEC": [None, None, "01/02/2025", None],
            "URN": ["SC123456", "SC123456", "SC123456", None],
        }
    )
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "3", "4"],
            "DECOM": ["01/01/2025", "01/06/2025", "01/01/2025", "01/06/2025", "01/01/2025"],
            "URN": ["SC123456", "SC654321", "SC654321", "SC654321", "SC654321"],
        }
    )
    assert flagged("503F", 2026, {"Episodes": eps}, {"Episodes": last}) == {"Episodes": [2, 4]}
