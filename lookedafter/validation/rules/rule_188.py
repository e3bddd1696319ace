import polars as pl

from lookedafter.validation.derive import age_at, any_given
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "188",
    message="The child is under 4 at 31 March, so leave the SDQ score and the reason for no score "
    "blank. Check DOB, SDQ_SCORE and SDQ_REASON.",
    table="OC2",
    fields=("SDQ_SCORE", "SDQ_REASON"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    under_4 = age_at(pl.col("DOB"), pl.lit(ctx.end)) < 4
    return ctx["OC2"].filter(under_4 & any_given(("SDQ_SCORE", "SDQ_REASON")))


def test_188_flags_sdq_details_for_under_fours() -> None:
    oc2 = {
        "CHILD": list("1234"),
        "DOB": ["01/04/2022", "31/03/2022", "01/04/2022", "01/05/2023"],
        "SDQ_SCORE": [10, 10, None, None],
        "SDQ_REASON": [None, None, None, "SDQ1"],
    }
    # in 2025-26 a child born 1 April 2022 is 3 on 31 March 2026; one born 31 March 2022 is 4
    assert flags({"OC2": oc2}, "188") == {"OC2": [0, 3]}
