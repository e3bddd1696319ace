import polars as pl

from lookedafter.validation.derive import AD1_ITEMS, any_given
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "134",
    message="This young person has care leaver (OC3) details, so adoption (AD1) details should "
    "not be recorded for them. Check which return the child belongs in.",
    table="AD1",
    fields=("IN_TOUCH", "ACTIV", "ACCOM", *AD1_ITEMS),
    needs=("AD1", "OC3"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    ad1 = ctx["AD1"].filter(any_given(AD1_ITEMS))
    oc3 = ctx["OC3"]
    return {
        "AD1": ad1.join(oc3.select("CHILD").unique(), on="CHILD", how="semi"),
        "OC3": oc3.join(ad1.select("CHILD").unique(), on="CHILD", how="semi"),
    }


def test_134_flags_adoption_details_for_care_leavers() -> None:
    ad1 = {"CHILD": ["1", "2", "3"], "DATE_INT": ["01/05/2025", "01/05/2025", None]}
    oc3 = {"CHILD": ["1", "3", "4"], "IN_TOUCH": ["YES", "YES", "YES"]}
    assert flags({"AD1": ad1, "OC3": oc3}, "134") == {"AD1": [0], "OC3": [0]}
