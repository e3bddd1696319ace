import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule

# Reasons care ended that rule out any later episode: died; assessed as 18 or over.
_FINAL = ("E2", "E15")


@rule(
    "437",
    message="The episode ended because the child died or was assessed as 18 or over, but later "
    "episodes follow. Check REC and the later episodes.",
    table="Episodes",
    fields=("REC",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    eps = ctx.sequence()
    return eps.filter(pl.col("REC").is_in(_FINAL) & pl.col("ROW_next").is_not_null())


def test_437_nothing_after_death() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2"],
            "DECOM": [d("2025-05-01"), d("2025-07-01"), d("2025-05-01")],
            "REC": ["E2", None, "E2"],
        }
    )
    assert flagged("437", {"Episodes": eps}) == {"Episodes": [0]}


def test_437_an_episode_with_no_start_date_is_not_a_later_episode() -> None:
    eps = pl.DataFrame({"CHILD": ["1", "1"], "DECOM": [d("2025-05-01"), None], "REC": ["E2", None]})
    assert flagged("437", {"Episodes": eps}) == {}
