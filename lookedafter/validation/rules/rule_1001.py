import polars as pl

from lookedafter.validation.derive import (
    ADOPTED,
    OC3_ITEMS,
    RESPITE,
    age_at,
    any_given,
    birthday,
)
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags

# A relevant or former relevant child was looked after for at least 13 weeks (91 days) since
# their 14th birthday, some of it after their 16th birthday (short breaks do not count).
DAYS_AFTER_14 = 91


@rule(
    "1001",
    message="This year's and last year's episodes do not make this young person a relevant or "
    "former relevant child (13 weeks in care after 14, some of it after 16, not adopted), so "
    "leave the care leaver details blank, or add the missing episodes.",
    table="OC3",
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
    needs=("OC3", "Episodes", "Episodes_last"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    end = pl.lit(ctx.end)
    oc3 = ctx["OC3"].filter(any_given(OC3_ITEMS) & (age_at(pl.col("DOB"), end) < 20))
    leavers = oc3.select("CHILD").unique()
    cols = ["CHILD", "DECOM", "DEC", "LS", "REC"]
    episodes = (
        pl.concat([ctx["Episodes"].select(cols), ctx["Episodes_last"].select(cols)])
        .join(leavers, on="CHILD", how="semi")
        .filter(pl.col("DECOM").is_not_null())
        .sort("DEC", nulls_last=True)
        .unique(["CHILD", "DECOM"], keep="first")  # an episode in both years: keep its end
    )
    latest = pl.col("DECOM") == pl.col("DECOM").max().over("CHILD")
    episodes = episodes.with_columns(
        pl.when(latest & pl.col("DEC").is_null()).then(end).otherwise(pl.col("DEC")).alias("DEC"),
        (latest & pl.col("REC").is_in(list(ADOPTED))).alias("_adopted"),
    )
    days = (
        episodes.join(oc3.select("CHILD", "DOB").unique("CHILD"), on="CHILD")
        .filter(~pl.col("LS").is_in(list(RESPITE)))
        .with_columns(
            *[
                (pl.col("DEC") - pl.max_horizontal("DECOM", birthday(pl.col("DOB"), age)))
                .dt.total_days()
                .clip(lower_bound=0)
                .alias(f"_after{age}")
                for age in (14, 16)
            ]
        )
        .group_by("CHILD")
        .agg(pl.col("_after14").sum(), pl.col("_after16").sum())
    )
    adopted = episodes.filter(pl.col("_adopted")).select("CHILD").unique()
    relevant = days.filter((pl.col("_after14") >= DAYS_AFTER_14) & (pl.col("_after16") >= 1)).join(
        adopted, on="CHILD", how="anti"
    )
    return oc3.join(relevant.select("CHILD"), on="CHILD", how="anti")


def test_1001_flags_care_leavers_without_enough_care_after_14() -> None:
    # all born 1 January 2007: 14 on 1 January 2021, 16 on 1 January 2023
    last = {
        "CHILD": ["1", "2", "3", "4"],
        "DECOM": ["01/06/2022", "01/12/2022", "01/06/2022", "01/06/2024"],
        "DEC": ["01/03/2023", "15/01/2023", "01/03/2023", "01/09/2024"],
        "LS": ["C2", "C2", "V3", "C2"],
        "REC": ["E13", "E13", "E13", "X1"],
    }
    eps = {
        "CHILD": ["4"],
        "DECOM": ["01/09/2024"],
        "DEC": ["01/05/2025"],
        "LS": ["E1"],
        "REC": ["E11"],
    }
    oc3 = {"CHILD": ["1", "2", "3", "4", "5"], "DOB": ["01/01/2007"] * 5, "IN_TOUCH": ["YES"] * 5}
    # 1: 273 days after 14, 59 after 16 (relevant); 2: only 45 days; 3: short breaks only;
    # 4: adopted; 5: no episodes
    got = flags({"Episodes": eps, "OC3": oc3}, "1001", previous={"Episodes": last})
    assert got == {"OC3": [1, 2, 3, 4]}
