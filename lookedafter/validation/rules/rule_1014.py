import polars as pl

from lookedafter.validation.derive import OC3_ITEMS, any_given, in_year_episodes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "1014",
    message="This care leaver was not looked after this year, so UASC details are not needed. "
    "Remove the UASC record, or check the episodes and care leaver details.",
    table="UASC",
    fields=("ACTIV", "ACCOM", "IN_TOUCH", "DUC"),
    needs=("UASC", "OC3", "Episodes"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    in_care = in_year_episodes(ctx).select("CHILD").unique()
    leavers = ctx["OC3"].filter(any_given(OC3_ITEMS)).join(in_care, on="CHILD", how="anti")
    uasc = ctx["UASC"].join(leavers.select("CHILD").unique(), on="CHILD", how="semi")
    oc3 = leavers.join(ctx["UASC"].select("CHILD").unique(), on="CHILD", how="semi")
    return {"UASC": uasc, "OC3": oc3}


def test_1014_flags_uasc_records_of_care_leavers_not_in_care_this_year() -> None:
    eps = {"CHILD": ["1", "2"], "DECOM": ["01/01/2025", "01/01/2024"], "DEC": [None, "01/01/2025"]}
    uasc = {"CHILD": ["1", "2", "3"]}
    oc3 = {"CHILD": ["1", "2", "3"], "IN_TOUCH": ["YES", "YES", None]}
    assert flags({"Episodes": eps, "UASC": uasc, "OC3": oc3}, "1014") == {
        "OC3": [1],
        "UASC": [1],
    }
