"""The synthetic authority hangs together: episodes, codes, schedules, links between tables."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from lookedafter.lib import postcodes
from lookedafter.lib.calendar import DEFAULT
from lookedafter.schema import codes
from lookedafter.schema.dataset import Dataset
from lookedafter.synth import SynthConfig, generate
from lookedafter.synth.config import DEMO_LAUA
from lookedafter.synth.episodes import EARLIER_CODES
from lookedafter.validation.derive import birthday

AS_OF = date(2026, 3, 31)
TEMPORARY = ("T0", "T1", "T2", "T3", "T4")


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return generate(SynthConfig(children=600, years=4, seed=5))


def _linked(ds: Dataset) -> pl.DataFrame:
    """Each episode beside the next one in the same period of care."""
    eps = ds["Episodes"].sort("CHILD", "DECOM")
    nxt = [pl.col(c).shift(-1).over("CHILD").alias(f"N_{c}") for c in eps.columns]
    return eps.with_columns(nxt)


def test_children_looked_after_in_the_final_year(ds: Dataset) -> None:
    eps = ds["Episodes"]
    during = eps.filter(
        (pl.col("DECOM") <= AS_OF) & (pl.col("DEC").is_null() | (pl.col("DEC") >= date(2025, 4, 1)))
    )
    # children on short breaks (V3/V4) are counted apart, on top of the children in care
    short = pl.col("LS").is_in(["V3", "V4"])
    assert during.filter(~short)["CHILD"].n_unique() == 600
    breaks = during.filter(short)["CHILD"]
    assert 0 < breaks.n_unique() <= 0.05 * 600
    assert not set(breaks) & set(during.filter(~short)["CHILD"])
    assert ds.meta.collection_year == 2026
    assert set(ds["Header"]["CHILD"]) == set(eps["CHILD"])


def test_episodes_are_contiguous_within_a_period(ds: Dataset) -> None:
    links = _linked(ds)
    continues = links.filter(pl.col("REC") == "X1")
    assert continues.height > 0
    assert (continues["DEC"] == continues["N_DECOM"]).all()
    assert (continues["N_RNE"] != "S").all()
    ends = links.filter(pl.col("REC") != "X1")
    assert ends["DEC"].is_not_null().all()
    assert ends.filter(pl.col("N_CHILD") == pl.col("CHILD"))["N_RNE"].eq("S").all()
    open_ = links.filter(pl.col("DEC").is_null())
    assert open_["REC"].is_null().all()
    assert open_["CHILD"].n_unique() == open_.height
    assert (links["DEC"].is_null() | (links["DEC"] > links["DECOM"])).all()


def test_reason_for_new_episode_matches_what_changed(ds: Dataset) -> None:
    links = _linked(ds).filter(pl.col("REC") == "X1")
    ls_changed = pl.col("LS") != pl.col("N_LS")
    # the code list changed (Z1 became Z11-Z14, H5 gave way to K3): not a change of placement
    recoded = pl.col("PLACE").replace(EARLIER_CODES) == pl.col("N_PLACE").replace(EARLIER_CODES)
    place_changed = (pl.col("PLACE") != pl.col("N_PLACE")) & ~recoded
    carer_changed = pl.col("PL_POST").ne_missing(pl.col("N_PL_POST")) | (
        pl.col("N_RNE").is_in(["P", "B"])
    )
    checks = {
        "L": ls_changed & ~place_changed & (pl.col("PL_POST").eq_missing(pl.col("N_PL_POST"))),
        "P": ~ls_changed & carer_changed,
        "B": ls_changed & carer_changed,
        "T": ~ls_changed & place_changed & pl.col("PL_POST").eq_missing(pl.col("N_PL_POST")),
        "U": ls_changed & place_changed & pl.col("PL_POST").eq_missing(pl.col("N_PL_POST")),
    }
    for rne, ok in checks.items():
        rows = links.filter(pl.col("N_RNE") == rne)
        assert rows.filter(~ok).height == 0, (rne, rows.filter(~ok).head())
    assert links["N_RNE"].n_unique() >= 4
    # the reason for a change of placement is on the episode that ends with it, except a move
    # into or back from a temporary placement (T0-T4), which has none (rule 226)
    temporary = pl.col("PLACE").is_in(TEMPORARY) | pl.col("N_PLACE").is_in(TEMPORARY)
    moved = links.filter(pl.col("N_RNE").is_in(["P", "B", "T", "U"]))
    assert moved.filter(~temporary)["REASON_PLACE_CHANGE"].is_not_null().all()
    assert moved.filter(temporary)["REASON_PLACE_CHANGE"].is_null().all()
    assert moved.filter(temporary).height > 0
    assert links.filter(pl.col("N_RNE") == "L")["REASON_PLACE_CHANGE"].is_null().all()


def test_codes_are_valid_for_the_year(ds: Dataset) -> None:
    eps = ds["Episodes"]
    end = eps["DEC"].fill_null(AS_OF)
    year = end.dt.year() + (end.dt.month() >= 4).cast(pl.Int32)
    for y in year.unique().to_list():
        label = f"{y - 1}-{str(y)[2:]}"
        mine = eps.filter(year == y)
        assert set(mine["PLACE"]) <= codes.valid_for_year("PLACE", label), label
    assert set(eps["LS"]) <= codes.codes("LS")
    assert set(eps["RNE"]) <= codes.codes("RNE")
    assert set(eps["CIN"]) <= codes.codes("CIN")
    assert set(eps["REC"].drop_nulls()) <= codes.codes("REC")
    assert set(eps["PLACE_PROVIDER"].drop_nulls()) <= codes.valid_for_year(
        "PLACE_PROVIDER", "2025-26"
    )
    assert set(eps["REASON_PLACE_CHANGE"].drop_nulls()) <= codes.codes("REASON_PLACE_CHANGE")
    assert "Z1" not in set(eps.filter(eps["DEC"].is_null())["PLACE"])
    assert set(ds["Reviews"]["REVIEW_CODE"]) <= codes.codes("REVIEW_CODE")
    assert set(ds["SWEpisodes"]["SW_REASON"]) <= codes.codes("SW_REASON")
    assert set(ds["Header"]["ETHNIC"]) <= codes.codes("ETHNIC")
    # police protection lasts at most 72 hours
    l1 = eps.filter(pl.col("LS") == "L1")
    assert ((l1["DEC"] - l1["DECOM"]).dt.total_days() <= 3).all()
    # placed with parents only on a care order
    assert set(eps.filter(pl.col("PLACE") == "P1")["LS"]) <= {"C1", "C2"}


def test_first_review_within_20_working_days_mostly(ds: Dataset) -> None:
    starts = (
        ds["Episodes"]
        .filter((pl.col("RNE") == "S") & (pl.col("DECOM") >= date(2023, 1, 1)))
        .select("CHILD", "DECOM")
    )
    first = (
        ds["Reviews"]
        .join(starts, on="CHILD")
        .filter(pl.col("REVIEW") > pl.col("DECOM"))
        .group_by("CHILD", "DECOM")
        .agg(pl.col("REVIEW").min())
    )
    due = first.select(
        pl.col("REVIEW"), DEFAULT.add_working_days_expr(pl.col("DECOM"), 20).alias("DUE")
    )
    on_time = (due["REVIEW"] <= due["DUE"]).mean()
    assert isinstance(on_time, float)
    assert 0.8 <= on_time < 1.0  # national preset: about one in ten late


def test_social_worker_episodes_cover_children_in_care(ds: Dataset) -> None:
    # (children on short breaks have a social worker in the disabled children's team, which
    # the synthetic workforce does not hold)
    in_care = ds["Episodes"].filter(pl.col("DEC").is_null() & ~pl.col("LS").is_in(["V3", "V4"]))[
        "CHILD"
    ]
    swe = ds["SWEpisodes"].sort("CHILD", "SW_DECOM")
    open_ = swe.filter(pl.col("SW_DEC").is_null())
    assert set(open_["CHILD"]) == set(in_care)
    assert open_["CHILD"].n_unique() == open_.height
    gaps = swe.with_columns(pl.col("SW_DECOM").shift(-1).over("CHILD").alias("NEXT")).filter(
        pl.col("NEXT").is_not_null()
    )
    # a new worker takes over the day the last one stops, within a period of care
    assert (gaps["NEXT"] >= gaps["SW_DEC"]).all()
    assert ((gaps["SW_DEC"] - gaps["SW_DECOM"]).dt.total_days() >= 3).all()
    assert swe["SW_ID"].str.starts_with("SW").all()
    assert set(swe["SW_ID"]) <= set(ds["Workers"]["WORKER_ID"])
    left = ds["Allocations"].filter(pl.col("CHANGE_REASON") == "LEFTRL").height
    assert left > 0


def test_uasc_are_mostly_older_boys(ds: Dataset) -> None:
    uasc = ds["UASC"].join(ds["Header"].select("CHILD", "UPN"), on="CHILD")
    assert uasc.height > 0
    assert (uasc["SEX"] == "M").mean() >= 0.8  # type: ignore[operator]
    ceased = uasc.drop_nulls("DUC")
    # the 18th birthday (born 29 February: 1 March in other years)
    b18 = ceased.select(birthday(pl.col("DOB"), 18)).to_series()
    assert (ceased["DUC"] == b18).all()
    still = uasc.filter(pl.col("DUC").is_null())
    assert (still.select(birthday(pl.col("DOB"), 18)).to_series() > AS_OF).all()
    starts = ds["Episodes"].filter(pl.col("RNE") == "S").join(uasc, on="CHILD")
    age = (starts["DECOM"] - starts["DOB"]).dt.total_days() / 365.25
    assert (age >= 14).all()
    assert ds["Episodes"].join(uasc, on="CHILD")["HOME_POST"].is_null().all()


def test_outcome_returns_have_the_right_children(ds: Dataset) -> None:
    oc2 = ds["OC2"]
    assert oc2.height > 0
    for year in oc2["YEAR"].unique().to_list():

        def open_on(day: date) -> set[str]:
            eps = ds["Episodes"].filter(
                (pl.col("DECOM") <= day) & (pl.col("DEC").is_null() | (pl.col("DEC") > day))
            )
            return set(eps["CHILD"])

        both = open_on(date(year, 3, 31)) & open_on(date(year - 1, 3, 31))
        assert set(oc2.filter(pl.col("YEAR") == year)["CHILD"]) <= both
    oc3 = ds["OC3"].join(ds["Header"].select("CHILD", "DOB"), on="CHILD", suffix="_H")
    assert oc3.height > 0
    assert set(oc3["IN_TOUCH"]) <= codes.codes("IN_TOUCH")
    assert set(oc3["ACTIV"].drop_nulls()) <= codes.codes("ACTIV")
    died = oc3.filter(pl.col("IN_TOUCH") == "DIED")
    assert (died["ACTIV"] == "0").all() and (died["ACCOM"] == "0").all()


def test_adoptions_have_their_decisions_and_matches(ds: Dataset) -> None:
    adopted = ds["Episodes"].filter(pl.col("REC").is_in(["E11", "E12"]))
    assert adopted.height > 0
    ad1 = ds["AD1"].join(adopted.select("CHILD", "DEC"), on="CHILD")
    assert ad1.height == adopted.height
    assert (ad1["DATE_INT"] <= ad1["DATE_MATCH"]).all()
    assert (ad1["DATE_MATCH"] < ad1["DEC"]).all()
    assert set(adopted["CHILD"]) <= set(ds["PlacedAdoption"]["CHILD"])
    placed = ds["Episodes"].filter(pl.col("PLACE").is_in(["A3", "A4", "A5", "A6"]))
    assert set(adopted["CHILD"]) <= set(placed["CHILD"])
    single = ad1.filter(pl.col("NB_ADOPTR") == "1")
    assert set(single["SEX_ADOPTR"]) <= {"M1", "F1"}
    assert set(single["LS_ADOPTR"]) <= {"L0"}


def test_practice_tables_link_to_episodes(ds: Dataset) -> None:
    eps = ds["Episodes"]
    ltm = ds["LongTermMatches"].join(eps, on=["CHILD", "DECOM"])
    assert ltm.height == ds["LongTermMatches"].height > 0
    assert set(ltm["PLACE"]) <= {"U1", "U4"}
    temp = ds["TemporaryApprovals"].join(eps, on=["CHILD", "DECOM"], how="left")
    assert set(temp["PLACE"]) <= {"U3"}
    extended = temp.filter(
        pl.col("EXTENSION_DATE").is_not_null() & pl.col("EXTENDED_TO").is_not_null()
    )
    assert ((extended["EXTENDED_TO"] - extended["APPROVAL_DATE"]).dt.total_days() == 168).all()
    rhi = ds["ReturnInterviews"].join(ds["Missing"], on=["CHILD", "MIS_START"], how="anti")
    assert rhi.height == 0
    late = ds["ReturnInterviews"].filter(
        pl.col("OFFERED_AT") - pl.col("RETURNED_AT") > pl.duration(hours=72)
    )
    assert 0 < late.height < ds["ReturnInterviews"].height
    visits = ds["Visits"].join(ds["Workers"].select("WORKER_ID"), on="WORKER_ID", how="anti")
    assert visits.filter(pl.col("WORKER_ID").is_not_null()).height == 0
    assert (ds["Visits"]["RECORDED_DATE"].drop_nulls() >= ds["Visits"]["VISIT_DATE"].min()).all()
    assert ds["SupervisionCases"].join(ds["Supervision"], on="SESSION_ID", how="anti").height == 0
    assert ds["AuditActions"].join(ds["CaseAudits"], on="AUDIT_ID", how="anti").height == 0
    edt = ds["EDTContacts"].drop_nulls("TRANSFERRED_AT")
    assert (edt["TRANSFERRED_AT"] > edt["CONTACT_AT"]).all()


def test_postcodes_are_real_and_homes_in_the_authority(ds: Dataset) -> None:
    eps = ds["Episodes"].drop_nulls(["HOME_POST", "PL_POST"])
    dist = postcodes.with_distance(eps)
    assert (dist["PL_DISTANCE"] < postcodes.UNKNOWN_DISTANCE).all()
    assert dist.filter(pl.col("PLACE") == "P1")["PL_DISTANCE"].max() == 0
    homes = postcodes.lookup_for(ds["Children"]["HOME_POST"].drop_nulls())
    keys = ds["Children"]["HOME_POST"].drop_nulls().str.replace_all(" ", "")
    home_la = pl.DataFrame({"PCD": keys}).join(homes, on="PCD", how="left")["LAUA"]
    assert (home_la == DEMO_LAUA).all()
    assert (dist["PL_DISTANCE"] > 20).any() and (dist["PL_DISTANCE"] < 5).any()


def test_names_and_workforce(ds: Dataset) -> None:
    kids = ds["Children"]
    assert kids["FORENAME"].is_not_null().all() and kids["SURNAME"].is_not_null().all()
    assert kids["FORENAME"].n_unique() > 50
    roles = set(ds["Workers"]["ROLE"])
    assert {"SW", "TM", "SM", "IRO", "QA"} <= roles
    assert ds["Workers"]["AGENCY"].any()
    assert ds["Workers"]["LEAVE_REASON"].drop_nulls().n_unique() >= 3
    assert ds["Vacancies"].height > 0
    iro = ds["Allocations"].filter(pl.col("ALLOC_ROLE") == "IRO")
    assert set(iro["WORKER_ID"]) <= set(
        ds["Workers"].filter(pl.col("ROLE").is_in(["IRO", "SM"]))["WORKER_ID"]
    )


def test_generate_is_deterministic() -> None:
    cfg = SynthConfig(children=120, years=2, seed=9)
    assert generate(cfg).equals(generate(cfg))


FUTURE_ALLOWED = {
    ("TemporaryApprovals", "EXTENDED_TO"),
    ("IROChallenges", "RESPONSE_DUE"),
    ("AuditActions", "DUE_DATE"),
}


def test_nothing_happens_after_the_as_of_date() -> None:
    as_of = date(2025, 11, 30)
    ds = generate(SynthConfig(children=300, years=2, seed=4, as_of=as_of))
    assert ds.meta.as_of == as_of and ds.meta.collection_year == 2026
    for name, frame in ds.tables.items():
        for column, dtype in frame.schema.items():
            if (name, column) in FUTURE_ALLOWED:
                continue
            if dtype == pl.Date:
                assert (frame[column].drop_nulls() <= as_of).all(), (name, column)
            elif isinstance(dtype, pl.Datetime):
                assert (frame[column].drop_nulls().dt.date() <= as_of).all(), (name, column)


def test_national_scale_spreads_homes_across_england() -> None:
    ds = generate(SynthConfig(children=150, years=1, seed=8, home_area="england"))
    homes = ds["Children"]["HOME_POST"].drop_nulls()
    ref = postcodes.lookup_for(homes)
    keys = pl.DataFrame({"PCD": homes.str.replace_all(" ", "")}).join(ref, on="PCD", how="left")
    assert keys["LAUA"].str.starts_with("E").all()
    assert keys["LAUA"].n_unique() > 50
    assert ds.meta.la_name == "England (synthetic)"
