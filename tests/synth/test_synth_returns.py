"""The synthetic authority's 903 returns pass the rules its realism once broke, and have the
variety a real authority's returns have (short breaks, temporary moves, second periods of care,
rarer legal statuses, deprivation of liberty orders)."""

from __future__ import annotations

from datetime import date

import numpy as np
import polars as pl
import pytest

from lookedafter.schema.dataset import Dataset
from lookedafter.ssda903.extract import for_year
from lookedafter.synth import SynthConfig, generate
from lookedafter.synth.base import age_years, birthday, day
from lookedafter.validation import registry

AS_OF = date(2027, 3, 31)
YEARS = (2025, 2026, 2027)
# rules the generator (or the extract) once broke, and the rules on what was added since
RULES = (
    # extract: social worker episodes, motherhood, the year's placement codes
    "SW11bSTG2",
    "SW12STG2",
    "SW17STG2",
    "392a",
    "392b",
    "625",
    "628",
    "146",
    "218",
    "526",
    "503D",
    "503E",
    "503F",
    # synth: previous permanence, missing at 18, adoption by carers, 18th birthdays, SDQ
    "632",
    "580",
    "575",
    "581",
    "336",
    "460",
    "189",
    # temporary placements
    "225",
    "226",
    "379",
    "380",
    "381",
    "383",
    # legal statuses and short breaks
    "358",
    "363",
    "364",
    "214",
    "365",
    "366",
    "367",
    "382",
    "384",
    "398",
    "399",
    "420",
    "426",
    "630",
    # deprivation of liberty orders
    "700",
    "701",
    "702",
    "703",
    "704",
    "705",
    "706",
    "707",
    "708",
    "709",
    "710",
)


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return generate(SynthConfig(children=1500, years=3, seed=8, as_of=AS_OF))


def test_birthdays_and_ages_count_29_february_on_1_march() -> None:
    leap, plain = day(date(2008, 2, 29)), day(date(2008, 3, 1))
    dob = np.array([leap, plain])
    assert list(birthday(dob, 18)) == [day(date(2026, 3, 1))] * 2
    assert list(birthday(dob, 16)) == [day(date(2024, 2, 29)), day(date(2024, 3, 1))]
    assert list(age_years(dob, np.array([day(date(2026, 2, 28))] * 2))) == [17, 17]
    assert list(age_years(dob, np.array([day(date(2026, 3, 1))] * 2))) == [18, 18]


@pytest.mark.parametrize("year", YEARS)
def test_returns_pass_the_rules(ds: Dataset, year: int) -> None:
    result = registry.run(for_year(ds, year), year, codes=RULES, la_districts=["E06000060"])
    assert result.failed == []
    flags = result.errors.select("code", "table", "CHILD").head(10).rows()
    assert result.errors.height == 0, flags


def test_temporary_placements_and_the_return_to_the_usual_one(ds: Dataset) -> None:
    eps = ds["Episodes"].sort("CHILD", "DECOM")
    assert {"T0", "T1", "T2", "T3", "T4"} <= set(eps["PLACE"])
    nxt = eps.with_columns(
        pl.col("PLACE").shift(1).over("CHILD").alias("BEFORE"),
        pl.col("PLACE").shift(-1).over("CHILD").alias("AFTER"),
        pl.col("RNE").shift(-1).over("CHILD").alias("RNE_AFTER"),
    ).filter(pl.col("PLACE").str.starts_with("T"))
    returned = nxt.filter(pl.col("AFTER").is_not_null())
    assert (returned["AFTER"] == returned["BEFORE"]).all()
    assert (returned["RNE_AFTER"] == "P").all()
    assert nxt["PLACE_PROVIDER"].is_null().all() and nxt["URN"].is_null().all()
    assert nxt["PL_POST"].is_not_null().all()  # the distance is reported (rule 392a)


def test_second_periods_of_care(ds: Dataset) -> None:
    eps = ds["Episodes"].filter(~pl.col("LS").is_in(["V3", "V4"])).sort("CHILD", "DECOM")
    starts = eps.filter(pl.col("RNE") == "S").group_by("CHILD").len()
    twice = starts.filter(pl.col("len") >= 2)["CHILD"]
    assert 0 < twice.len() < 0.05 * starts.height
    again = eps.filter(pl.col("CHILD").is_in(twice.implode())).with_columns(
        pl.col("REC").shift(1).over("CHILD").alias("REC_BEFORE"),
        pl.col("DEC").shift(1).over("CHILD").alias("DEC_BEFORE"),
    )
    second = again.filter((pl.col("RNE") == "S") & pl.col("REC_BEFORE").is_not_null())
    assert second["REC_BEFORE"].is_in(["E4A", "E4B", "E13"]).all()
    assert (second["DECOM"] > second["DEC_BEFORE"]).all()
    # their previous permanence predates the first period (rule 632)
    first = eps.group_by("CHILD").agg(pl.col("DECOM").min())
    perm = ds["PrevPerm"].filter(pl.col("DATE_PERM").is_not_null()).join(first, on="CHILD")
    assert (perm["DATE_PERM"].str.to_date("%d/%m/%Y") < perm["DECOM"]).all()


def test_short_breaks(ds: Dataset) -> None:
    eps = ds["Episodes"]
    short = eps.filter(pl.col("LS").is_in(["V3", "V4"]))
    assert set(short["LS"]) == {"V3", "V4"}
    assert (short["RNE"] == "S").all()
    assert short["PL_POST"].is_null().all() and short["URN"].is_null().all()
    v3 = short.filter(pl.col("LS") == "V3")
    assert ((v3["DEC"] - v3["DECOM"]).dt.total_days() <= 17).all()
    stays = v3.group_by("CHILD").len()["len"]
    assert (stays > 3).any()  # a series of short stays
    header = ds["Header"].join(short.select("CHILD").unique(), on="CHILD", how="semi")
    assert header["MOTHER"].is_null().all()


def test_rarer_legal_statuses(ds: Dataset) -> None:
    counts = dict(ds["Episodes"]["LS"].value_counts().iter_rows())
    for code in ("J2", "J3", "L3"):
        assert 0 < counts.get(code, 0) < 0.01 * ds["Episodes"].height, code


def test_missing_at_18_leaves_with_e8(ds: Dataset) -> None:
    left = ds["Episodes"].filter(pl.col("REC").is_not_null() & (pl.col("REC") != "X1"))
    away = (
        ds["Missing"]
        .join(left, on="CHILD")
        .filter(
            (pl.col("MIS_START") <= pl.col("DEC"))
            & (pl.col("MIS_END").is_null() | (pl.col("MIS_END") >= pl.col("DEC")))
        )
    )
    assert away.height > 0
    assert (away["REC"] == "E8").all()


def test_deprivation_of_liberty_orders_from_2026_27(ds: Dataset) -> None:
    dolo = for_year(ds, 2027)["DoLo"]
    assert dolo.height > 0
    young = dolo.filter((pl.col("DOLO_START") - pl.col("DOB")).dt.total_days() < 13 * 365)
    assert young.height == 0
    assert "DoLo" not in for_year(ds, 2026)
    assert generate(SynthConfig(children=300, years=2, seed=8))["DoLo"].height == 0
