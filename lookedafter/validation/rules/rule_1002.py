import polars as pl

from lookedafter.validation.derive import OC3_ITEMS, any_given, birthday
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "1002",
    message="This young person turned 16 within this year's or last year's return but has no "
    "episodes of care in either, so they should not have care leaver details. Check the child "
    "ID and DOB, or add the missing episodes.",
    table="OC3",
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
    needs=("OC3", "Episodes", "Episodes_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    seen = pl.concat([ctx["Episodes"].select("CHILD"), ctx["Episodes_last"].select("CHILD")])
    # A care leaver was looked after at some time after their 16th birthday; when that birthday
    # falls within the two returns loaded, the episodes must be in them.
    window = pl.lit(ctx.start.replace(year=ctx.start.year - 1))
    checkable = birthday(pl.col("DOB"), 16) >= window
    return (
        ctx["OC3"]
        .filter(any_given(OC3_ITEMS) & checkable)
        .join(seen.unique(), on="CHILD", how="anti")
    )


def test_1002_flags_care_leavers_with_no_episodes_in_either_year() -> None:
    eps = {"CHILD": ["1"]}
    last = {"CHILD": ["2"]}
    oc3 = {
        "CHILD": ["1", "2", "3", "4", "5"],
        "DOB": ["01/06/2008", "01/06/2008", "01/06/2008", "01/06/2008", "01/06/2005"],
        "IN_TOUCH": ["YES", "YES", "YES", None, "YES"],
    }
    # 3 turned 16 on 1 June 2024 with no episodes anywhere; 5 turned 16 in 2021 (not judged)
    assert flags({"Episodes": eps, "OC3": oc3}, "1002", previous={"Episodes": last}) == {"OC3": [2]}
