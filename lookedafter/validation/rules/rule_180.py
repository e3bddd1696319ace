import polars as pl

from lookedafter.ssda903.structural import Issue, Kind
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "180",
    message="The SDQ score must be a whole number from 0 to 40. Check SDQ_SCORE.",
    table="OC2",
    fields=("SDQ_SCORE",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    score = pl.col("SDQ_SCORE")
    return ctx["OC2"].filter(~score.is_between(0, 40) | ctx.bad_value("OC2", "SDQ_SCORE"))


def test_180_flags_scores_out_of_range_and_unreadable() -> None:
    oc2 = {"CHILD": list("12345"), "SDQ_SCORE": [0, 40, 41, -1, None]}
    bad = Issue(Kind.BAD_NUMBER, "oc2.csv", "not a number", "OC2", 4, "SDQ_SCORE", "12.5")
    assert flags({"OC2": oc2}, "180", issues=[bad]) == {"OC2": [2, 3, 4]}
