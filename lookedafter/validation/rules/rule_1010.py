import polars as pl

from lookedafter.validation.derive import OC3_ITEMS, any_given
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "1010",
    message="Last year's return shows this child still looked after on 31 March, but there are no "
    "episodes for them this year, yet care leaver details are given. Add the missing episodes.",
    table="OC3",
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
    needs=("OC3", "Episodes", "Episodes_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    still_in_care = ctx["Episodes_last"].filter(pl.col("DEC").is_null()).select("CHILD").unique()
    return (
        ctx["OC3"]
        .filter(any_given(OC3_ITEMS))
        .join(still_in_care, on="CHILD", how="semi")
        .join(ctx["Episodes"].select("CHILD").unique(), on="CHILD", how="anti")
    )


def test_1010_flags_care_leavers_whose_open_episode_vanished() -> None:
    last = {"CHILD": ["1", "2", "3"], "DEC": [None, None, "01/06/2024"]}
    eps = {"CHILD": ["2"]}
    oc3 = {"CHILD": ["1", "2", "3"], "IN_TOUCH": ["YES", "YES", "YES"]}
    assert flags({"Episodes": eps, "OC3": oc3}, "1010", previous={"Episodes": last}) == {"OC3": [0]}
