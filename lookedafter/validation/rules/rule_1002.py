import polars as pl

from lookedafter.validation.derive import OC3_ITEMS, any_given
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "1002",
    message="This young person has no episodes of care in this year's or last year's return, so "
    "they should not have care leaver details. Check the child ID; if they left care before last "
    "year, this check cannot see it and the flag can be ignored.",
    table="OC3",
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
    needs=("OC3", "Episodes", "Episodes_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    seen = pl.concat([ctx["Episodes"].select("CHILD"), ctx["Episodes_last"].select("CHILD")])
    return ctx["OC3"].filter(any_given(OC3_ITEMS)).join(seen.unique(), on="CHILD", how="anti")


def test_1002_flags_care_leavers_with_no_episodes_in_either_year() -> None:
    eps = {"CHILD": ["1"]}
    last = {"CHILD": ["2"]}
    oc3 = {"CHILD": ["1", "2", "3", "4"], "IN_TOUCH": ["YES", "YES", "YES", None]}
    assert flags({"Episodes": eps, "OC3": oc3}, "1002", previous={"Episodes": last}) == {"OC3": [2]}
