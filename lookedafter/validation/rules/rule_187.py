import polars as pl

from lookedafter.validation.derive import (
    AD1_ITEMS,
    OC3_ITEMS,
    any_given,
    continuously_looked_after,
)
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "187",
    message="This child was looked after for the whole 12 months to 31 March, so they cannot also "
    "have adoption (AD1) or care leaver (OC3) details. Check the child's episodes and returns.",
    table="AD1",
    fields=(*AD1_ITEMS, *OC3_ITEMS),
    needs=("Episodes",),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    cla = continuously_looked_after(ctx)
    out = {}
    for table, items in (("AD1", AD1_ITEMS), ("OC3", OC3_ITEMS)):
        if ctx.has(table):
            out[table] = ctx[table].filter(any_given(items)).join(cla, on="CHILD", how="semi")
    return out


EPISODES = {
    "CHILD": ["1", "2"],
    "DECOM": ["01/01/2024", "01/06/2025"],
    "RNE": ["S", "S"],
    "LS": ["C2", "C2"],
}


def test_187_flags_adoption_and_care_leaver_details_for_the_cohort() -> None:
    ad1 = {"CHILD": ["1", "2"], "DATE_INT": ["01/05/2025", "01/05/2025"]}
    oc3 = {"CHILD": ["2", "1", "1"], "IN_TOUCH": ["YES", "YES", None]}
    got = flags({"Episodes": EPISODES, "AD1": ad1, "OC3": oc3}, "187")
    assert got == {"AD1": [0], "OC3": [1]}
