import polars as pl

from lookedafter.validation.helpers_c import differs_from_open_last, flagged
from lookedafter.validation.registry import Context, rule

# Codes withdrawn from the PLACE list, with the codes an open placement carried over from last
# year is recoded to, and the first collection year the recoding is accepted in: semi-independent
# living (H5) became registered supported accommodation (K3) from 2024-25, and "other
# placements" (Z1) was split into Z11-Z14 from 2025-26.
RECODED: dict[str, tuple[tuple[str, ...], int]] = {
    "H5": (("K3",), 2025),
    "Z1": (("Z11", "Z12", "Z13", "Z14"), 2026),
}


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
    recoded = [
        (pl.col("_LAST") == old) & pl.col("PLACE").is_in(new)
        for old, (new, since) in RECODED.items()
        if ctx.year >= since
    ]
    changed = differs_from_open_last(ctx, "PLACE")
    return changed.filter(~pl.any_horizontal(recoded)) if recoded else changed


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


def test_503D_a_withdrawn_code_may_be_recoded_to_its_replacement() -> None:
    last = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "DECOM": ["01/01/2025"] * 4,
            "DEC": [None] * 4,
            "PLACE": ["Z1", "Z1", "H5", "H5"],
        }
    )
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "DECOM": ["01/01/2025"] * 4,
            "PLACE": ["Z13", "U4", "K3", "K2"],
        }
    )
    assert flagged("503D", 2026, {"Episodes": eps}, {"Episodes": last}) == {"Episodes": [1, 3]}
    # Z1 was still a valid code in 2024-25: carrying it over as Z13 was a change then.
    assert flagged("503D", 2025, {"Episodes": eps}, {"Episodes": last}) == {"Episodes": [0, 1, 3]}
