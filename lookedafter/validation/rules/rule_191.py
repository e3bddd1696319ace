import polars as pl

from lookedafter.validation.derive import all_given, continuously_looked_after
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags

REQUIRED = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")


@rule(
    "191",
    message="This child was looked after for the whole 12 months to 31 March: complete "
    "IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT and SUBSTANCE_MISUSE.",
    table="OC2",
    fields=(*REQUIRED, "CHILD"),
    needs=("OC2", "Episodes"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    cla = continuously_looked_after(ctx)
    return ctx["OC2"].filter(~all_given(REQUIRED)).join(cla, on="CHILD", how="semi")


# child 1 looked after all year; child 2 came into care in June 2025
EPISODES = {
    "CHILD": ["1", "2"],
    "DECOM": ["01/01/2024", "01/06/2025"],
    "RNE": ["S", "S"],
    "LS": ["C2", "C2"],
}


def test_191_flags_blank_items_for_the_12_month_cohort() -> None:
    done = {c: ["1", "1", None, "0"] for c in REQUIRED}
    done["TEETH_CHECK"] = ["1", None, None, "1"]
    oc2 = {"CHILD": ["1", "1", "2", "3"]} | done
    assert flags({"Episodes": EPISODES, "OC2": oc2}, "191") == {"OC2": [1]}
