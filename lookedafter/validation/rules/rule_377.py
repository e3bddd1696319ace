import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule

_MAX_PER_YEAR = 2


@rule(
    "377",
    message="The child had more than two temporary placements while their foster carers were on "
    "holiday (T3) in the year; only two are allowed. Check the T3 episodes.",
    table="Episodes",
    fields=("PLACE",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    t3 = ctx["Episodes"].filter(
        (pl.col("PLACE") == "T3") & pl.col("DECOM").is_between(ctx.start, ctx.end)
    )
    return t3.filter(pl.len().over("CHILD") > _MAX_PER_YEAR)


def test_377_at_most_two_holiday_placements() -> None:
    dates = [d("2025-05-01"), d("2025-07-01"), d("2025-09-01")]
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "1", "2", "2", "2"],
            "PLACE": ["T3", "T3", "T3", "T3", "T3", "U1"],
            "DECOM": dates + dates,
        }
    )
    assert flagged("377", {"Episodes": eps}) == {"Episodes": [0, 1, 2]}
