import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "432",
    message="The previous episode ended the period of care (REC other than X1), so this "
    "episode must start a new one (RNE S). Check RNE here and REC on the previous episode.",
    table="Episodes",
    fields=("RNE",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    eps = ctx.sequence()
    rec = pl.col("REC_prev")
    return eps.filter(rec.is_not_null() & (rec != "X1") & (pl.col("RNE").fill_null("") != "S"))


def test_432_after_care_ends_a_new_period_starts() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "2", "3", "3"],
            "DECOM": [d("2025-05-01"), d("2025-07-01")] * 3,
            "REC": ["E13", None, "X1", None, "E4A", None],
            "RNE": ["S", "P", "S", "P", "S", "S"],
        }
    )
    assert flagged("432", {"Episodes": eps}) == {"Episodes": [1]}
