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
    "leave the care leaver details blank, or add the missing episodes. Only periods that fall "
    "within the two returns are judged.",
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
    # Only two years of episodes are loaded: judge a shortfall only when the whole period it
    # counts (from the 14th or the 16th birthday) falls inside them.
    window = pl.lit(ctx.start.replace(year=ctx.start.year - 1))
    dob = pl.col("DOB")
    short14 = (pl.col("_after14").fill_null(0) < DAYS_AFTER_14) & (birthday(dob, 14) >= window)
    short16 = (pl.col("_after16").fill_null(0) < 1) & (birthday(dob, 16) >= window)
    not_relevant = oc3.join(days, on="CHILD", how="left").filter(short14 | short16).select("CHILD")
    return oc3.join(pl.concat([not_relevant, adopted]).unique(), on="CHILD", how="semi")


def test_1001_flags_care_leavers_without_enough_care_after_14() -> None:
    # born 1 June 2009: 14 on 1 June 2023 (before the two loaded years), 16 on 1 June 2025
    # born 1 June 2010: 14 on 1 June 2024 (inside them), 16 on 1 June 2026
    last = {
        "CHILD": ["1", "2", "4", "5"],
        "DECOM": ["01/05/2024", "01/05/2024", "01/05/2024", "01/07/2024"],
        "DEC": ["01/08/2025", "01/05/2025", "01/09/2024", "01/09/2024"],
        "LS": ["C2", "C2", "C2", "V3"],
        "REC": ["E13", "E13", "X1", "E13"],
    }
    eps = {
        "CHILD": ["1", "2", "4"],
        "DECOM": ["01/05/2024", "01/05/2024", "01/09/2024"],
        "DEC": ["01/08/2025", "01/05/2025", "01/05/2025"],
        "LS": ["C2", "C2", "E1"],
        "REC": ["E13", "E13", "E11"],
    }
    oc3 = {
        "CHILD": ["1", "2", "3", "4", "5"],
        "DOB": ["01/06/2009", "01/06/2009", "01/06/2009", "01/06/2009", "01/06/2010"],
        "IN_TOUCH": ["YES"] * 5,
    }
    # 1: in care after 16 (relevant); 2: left care before 16; 3: no episodes, so no care after
    # 16 either; 4: adopted; 5: 14 inside the window but only short breaks since
    got = flags({"Episodes": eps, "OC3": oc3}, "1001", previous={"Episodes": last})
    assert got == {"OC3": [1, 2, 3, 4]}


def test_1001_does_not_judge_care_before_the_two_returns() -> None:
    # born 2005: 14 in 2019 and 16 in 2021, long before last year's return; nothing to judge
    oc3 = {"CHILD": ["1"], "DOB": ["01/06/2005"], "IN_TOUCH": ["YES"]}
    eps = {"CHILD": ["9"], "DECOM": ["01/05/2025"]}
    assert flags({"Episodes": eps, "OC3": oc3}, "1001", previous={"Episodes": eps}) == {}
