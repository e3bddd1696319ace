from datetime import date

import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule

# The Children Act 1989 came into force on 14 October 1991; no episode can start earlier.
_CHILDREN_ACT = date(1991, 10, 14)


@rule(
    "353",
    message="The episode starts before 14 October 1991, earlier than the return allows. "
    "Check DECOM.",
    table="Episodes",
    fields=("DECOM",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(pl.col("DECOM") < pl.lit(_CHILDREN_ACT))


def test_353_no_episodes_before_october_1991() -> None:
    eps = pl.DataFrame({"CHILD": ["1", "2"], "DECOM": [d("1991-10-13"), d("1991-10-14")]})
    assert flagged("353", {"Episodes": eps}) == {"Episodes": [0]}
