import polars as pl

from lookedafter.validation.derive import OC3_ITEMS, age_at, any_given, birthday
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


def latest_birthday(ctx: Context) -> pl.Expr:
    """The young person's 17th or 18th birthday on or before 31 March."""
    age = age_at(pl.col("DOB"), pl.lit(ctx.end))
    return (
        pl.when(age == 17).then(birthday(pl.col("DOB"), 17)).otherwise(birthday(pl.col("DOB"), 18))
    )


@rule(
    "1007",
    message="This young person was still looked after on their 17th or 18th birthday, so care "
    "leaver details are not needed yet. Leave IN_TOUCH, ACTIV and ACCOM blank.",
    table="OC3",
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
    needs=("OC3", "Episodes"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    age = age_at(pl.col("DOB"), pl.lit(ctx.end))
    oc3 = (
        ctx["OC3"]
        .filter(any_given(OC3_ITEMS) & age.is_between(17, 18))
        .with_columns(latest_birthday(ctx).alias("_BDAY"))
    )
    in_care = (
        ctx["Episodes"]
        .select("CHILD", "DECOM", "DEC")
        .join(oc3.select("CHILD", "_BDAY").unique("CHILD"), on="CHILD")
        .filter(
            (pl.col("DECOM") <= pl.col("_BDAY"))
            & (pl.col("DEC").is_null() | (pl.col("DEC") > pl.col("_BDAY")))
        )
        .select("CHILD")
        .unique()
    )
    return oc3.join(in_care, on="CHILD", how="semi")


def test_1007_flags_young_people_in_care_on_their_birthday() -> None:
    oc3 = {
        "CHILD": ["1", "2", "3"],
        "DOB": ["01/06/2008", "01/06/2008", "01/06/2005"],
        "IN_TOUCH": ["YES", "YES", "YES"],
    }
    eps = {
        "CHILD": ["1", "2", "3"],
        "DECOM": ["01/01/2025", "01/01/2025", "01/01/2025"],
        "DEC": [None, "01/05/2025", None],
    }
    # 1 turned 17 on 1 June 2025 while in care; 2 left before; 3 is 20
    assert flags({"Episodes": eps, "OC3": oc3}, "1007") == {"OC3": [0]}
