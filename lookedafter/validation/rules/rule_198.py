import polars as pl

from lookedafter.validation.derive import continuously_looked_after
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "198",
    message="This child was not looked after for the whole 12 months to 31 March, so leave the "
    "reason for no SDQ score blank. Check SDQ_REASON.",
    table="OC2",
    fields=("SDQ_REASON",),
    needs=("OC2", "Episodes"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    cla = continuously_looked_after(ctx)
    return ctx["OC2"].filter(pl.col("SDQ_REASON").is_not_null()).join(cla, on="CHILD", how="anti")


# child 1 looked after all year; child 2 came into care in June 2025
EPISODES = {
    "CHILD": ["1", "2"],
    "DECOM": ["01/01/2024", "01/06/2025"],
    "RNE": ["S", "S"],
    "LS": ["C2", "C2"],
}


def test_198_flags_reasons_for_children_not_in_the_cohort() -> None:
    oc2 = {"CHILD": ["1", "2", "2"], "SDQ_REASON": ["SDQ2", "SDQ2", None]}
    assert flags({"Episodes": EPISODES, "OC2": oc2}, "198") == {"OC2": [1]}
