import polars as pl

from lookedafter.validation.derive import age_at, any_given
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "189",
    message="The young person was 17 or over on 1 April, so leave the SDQ score and the reason for "
    "no score blank. Check DOB, SDQ_SCORE and SDQ_REASON.",
    table="OC2",
    fields=("DOB", "SDQ_SCORE", "SDQ_REASON"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    over_17 = age_at(pl.col("DOB"), pl.lit(ctx.start)) >= 17
    return ctx["OC2"].filter(over_17 & any_given(("SDQ_SCORE", "SDQ_REASON")))


def test_189_flags_sdq_details_for_seventeen_year_olds() -> None:
    oc2 = {
        "CHILD": list("123"),
        "DOB": ["01/04/2008", "02/04/2008", "01/04/2008"],
        "SDQ_SCORE": [10, 10, None],
        "SDQ_REASON": [None, None, None],
    }
    # 2025-26 starts 1 April 2025: born 1 April 2008 is 17 that day, born 2 April 2008 is 16
    assert flags({"OC2": oc2}, "189") == {"OC2": [0]}
