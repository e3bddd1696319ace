import polars as pl

from lookedafter.validation.derive import OC3_ITEMS, age_at, any_given, birthday
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "1016",
    message="This young person stopped being looked after after their 17th or 18th birthday, so "
    "care leaver details are not needed for this birthday. Leave IN_TOUCH, ACTIV and ACCOM blank.",
    table="OC3",
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
    needs=("OC3", "Episodes"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    dob = pl.col("DOB")
    age = age_at(dob, pl.lit(ctx.end))
    bday = pl.when(age == 17).then(birthday(dob, 17)).otherwise(birthday(dob, 18))
    oc3 = (
        ctx["OC3"]
        .filter(any_given(OC3_ITEMS) & age.is_between(17, 18))
        .with_columns(bday.alias("_BDAY"))
    )
    left_after = (
        ctx["Episodes"]
        .filter(pl.col("DEC").is_not_null() & (pl.col("REC") != "X1"))
        .select("CHILD", "DEC")
        .join(oc3.select("CHILD", "_BDAY").unique("CHILD"), on="CHILD")
        .filter(pl.col("DEC") > pl.col("_BDAY"))
        .select("CHILD")
        .unique()
    )
    return oc3.join(left_after, on="CHILD", how="semi")


def test_1016_flags_young_people_who_left_care_after_their_birthday() -> None:
    oc3 = {
        "CHILD": ["1", "2", "3"],
        "DOB": ["01/06/2008", "01/06/2008", "01/06/2007"],
        "ACTIV": ["F1", "F1", "F1"],
    }
    eps = {
        "CHILD": ["1", "2", "3"],
        "DEC": ["01/07/2025", "01/05/2025", "01/05/2025"],
        "REC": ["E13", "E13", "E13"],
    }
    # 1 left on 1 July 2025, after turning 17 on 1 June; 2 and 3 left before their birthdays
    assert flags({"Episodes": eps, "OC3": oc3}, "1016") == {"OC3": [0]}
