import polars as pl

from lookedafter.validation.derive import OC2_ITEMS, any_given, continuously_looked_after
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "190",
    message="This child was not looked after for the whole 12 months to 31 March, so leave the "
    "12-month items (convictions, health, dental, immunisations, substance misuse) blank.",
    table="OC2",
    fields=OC2_ITEMS,
    needs=("OC2", "Episodes"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    cla = continuously_looked_after(ctx)
    return ctx["OC2"].filter(any_given(OC2_ITEMS)).join(cla, on="CHILD", how="anti")


# child 1 looked after all year; child 2 came into care in June 2025
EPISODES = {
    "CHILD": ["1", "2"],
    "DECOM": ["01/01/2024", "01/06/2025"],
    "RNE": ["S", "S"],
    "LS": ["C2", "C2"],
}


def test_190_flags_12_month_items_for_children_not_in_the_cohort() -> None:
    oc2 = {"CHILD": ["1", "2", "2"], "TEETH_CHECK": ["1", "1", None]}
    assert flags({"Episodes": EPISODES, "OC2": oc2}, "190") == {"OC2": [1]}
