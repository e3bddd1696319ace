import polars as pl

from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "197a",
    message="An SDQ score is given, so leave the reason for no score blank. Check SDQ_SCORE and "
    "SDQ_REASON.",
    table="OC2",
    fields=("SDQ_SCORE", "SDQ_REASON"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["OC2"].filter(pl.col("SDQ_SCORE").is_not_null() & pl.col("SDQ_REASON").is_not_null())


def test_197a_flags_a_score_with_a_reason_for_no_score() -> None:
    oc2 = {"CHILD": list("123"), "SDQ_SCORE": [12, 12, None], "SDQ_REASON": ["SDQ2", None, "SDQ2"]}
    assert flags({"OC2": oc2}, "197a") == {"OC2": [0]}
