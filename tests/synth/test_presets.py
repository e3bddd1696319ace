"""A struggling authority is measurably worse than a good one on every shortfall injected, and
the national preset sits between them. Each figure is worked out from the generated records."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest
from dfe_figures import new_placements_far, workforce_rates

from lookedafter.lib.calendar import DEFAULT
from lookedafter.schema.dataset import Dataset
from lookedafter.synth import SynthConfig, generate
from lookedafter.synth.config import Preset

AS_OF = date(2026, 3, 31)
YEAR_START = date(2024, 4, 1)


@pytest.fixture(scope="module")
def trio() -> tuple[Dataset, Dataset, Dataset]:
    def make(preset: Preset) -> Dataset:
        return generate(SynthConfig(children=1500, years=2, seed=21, preset=preset))

    return make("good"), make("national"), make("struggling")


def _mean(flags: pl.Series) -> float:
    value = flags.cast(pl.Float64).mean()
    assert isinstance(value, float)
    return value


def visit_gaps_over_six_weeks(ds: Dataset) -> float:
    v = ds["Visits"].sort("CHILD", "VISIT_DATE")
    gap = (v["VISIT_DATE"].diff().dt.total_days()).filter(v["CHILD"] == v["CHILD"].shift(1))
    return _mean(gap > 42)


def first_reviews_late(ds: Dataset) -> float:
    starts = ds["Episodes"].filter((pl.col("RNE") == "S") & (pl.col("DECOM") >= YEAR_START))
    first = (
        ds["Reviews"]
        .join(starts.select("CHILD", "DECOM"), on="CHILD")
        .filter(pl.col("REVIEW") > pl.col("DECOM"))
        .group_by("CHILD", "DECOM")
        .agg(pl.col("REVIEW").min())
    )
    due = DEFAULT.add_working_days_expr(pl.col("DECOM"), 20)
    return _mean(first.select(pl.col("REVIEW") > due)["REVIEW"])


def iha_late(ds: Dataset) -> float:
    starts = ds["Episodes"].filter((pl.col("RNE") == "S") & (pl.col("DECOM") >= YEAR_START))
    iha = ds["Health"].filter(pl.col("HEALTH_KIND") == "IHA").join(starts, on="CHILD")
    due = DEFAULT.add_working_days_expr(pl.col("DECOM"), 20)
    return _mean(iha.select(pl.col("HEALTH_DATE") > due)["HEALTH_DATE"])


def rhi_not_within_72_hours(ds: Dataset) -> float:
    rhi = ds["ReturnInterviews"]
    within = pl.col("OFFERED_AT") - pl.col("RETURNED_AT") <= pl.duration(hours=72)
    return _mean(rhi.select(~within.fill_null(False))["OFFERED_AT"])


def rhi_not_used(ds: Dataset) -> float:
    done = ds["ReturnInterviews"].filter(pl.col("DONE_AT").is_not_null())
    return _mean(done["USED_IN_PLAN_ON"].is_null())


def long_term_unmatched(ds: Dataset) -> float:
    eps = ds["Episodes"].sort("CHILD", "DECOM")
    first = eps.filter(
        pl.col("PLACE").is_in(["U1", "U4"])
        & (pl.col("PLACE") != pl.col("PLACE").shift(1).over("CHILD").fill_null(""))
        & (pl.col("DECOM") < date(2026, 1, 1))
    )
    matched = first.join(ds["LongTermMatches"], on=["CHILD", "DECOM"], how="semi").height
    return 1 - matched / first.height


def recording_delay(ds: Dataset) -> float:
    v = ds["Visits"].drop_nulls("RECORDED_DATE")
    delay = (v["RECORDED_DATE"] - v["VISIT_DATE"]).dt.total_days().median()
    assert isinstance(delay, float)
    return delay


def iro_unanswered(ds: Dataset) -> float:
    ic = ds["IROChallenges"].filter(pl.col("RAISED_DATE") < date(2026, 1, 1))
    return _mean(ic["RESPONDED_DATE"].is_null())


def few_team_manager_audits(ds: Dataset) -> float:
    return 1 - _mean(ds["CaseAudits"]["AUDITOR_ROLE"] == "TM")


def plans_incomplete(ds: Dataset) -> float:
    return _mean(ds["CarePlans"]["SECTIONS_COMPLETE"].str.count_matches(";") < 7)


def chronology_not_updated(ds: Dataset) -> float:
    moves = ds["Episodes"].filter(pl.col("RNE").is_in(["P", "B"]) & (pl.col("DECOM") >= YEAR_START))
    chron = ds["Documents"].filter(pl.col("DOC_KIND") == "CHRONOLOGY")
    near = moves.join(chron, on="CHILD").filter(
        pl.col("UPDATED_DATE").is_between(pl.col("DECOM"), pl.col("DECOM") + pl.duration(days=30))
    )
    return 1 - near.select("CHILD", "DECOM").unique().height / moves.height


def edt_after_nine(ds: Dataset) -> float:
    edt = ds["EDTContacts"].drop_nulls("TRANSFERRED_AT")
    nxt = DEFAULT.add_working_days_expr(pl.col("CONTACT_AT").dt.date(), 1)
    deadline = nxt.cast(pl.Datetime("us")) + pl.duration(hours=9)
    return _mean(edt.select(pl.col("TRANSFERRED_AT") > deadline)["TRANSFERRED_AT"])


def referral_wait(ds: Dataset) -> float:
    r = ds["Referrals"].drop_nulls("STARTED_DATE")
    wait = (r["STARTED_DATE"] - r["REQUESTED_DATE"]).dt.total_days().median()
    assert isinstance(wait, float)
    return wait


def supervision_per_worker(ds: Dataset) -> float:
    """Sessions per case-holding worker-year (higher is better, so negated)."""
    sw = ds["Workers"].filter(pl.col("CASE_HOLDING"))
    sessions = ds["Supervision"].join(sw.select("WORKER_ID"), on="WORKER_ID").height
    return -sessions / sw.height


def far(ds: Dataset) -> float:
    return new_placements_far(ds, YEAR_START, AS_OF)


def turnover(ds: Dataset) -> float:
    return workforce_rates(ds, date(2025, 9, 30))["turnover"]


def vacancy(ds: Dataset) -> float:
    return workforce_rates(ds, date(2025, 9, 30))["vacancy"]


WORSE_WHEN_HIGHER = [
    visit_gaps_over_six_weeks,
    first_reviews_late,
    iha_late,
    rhi_not_within_72_hours,
    rhi_not_used,
    long_term_unmatched,
    recording_delay,
    iro_unanswered,
    few_team_manager_audits,
    plans_incomplete,
    chronology_not_updated,
    edt_after_nine,
    referral_wait,
    supervision_per_worker,
    far,
    turnover,
    vacancy,
]


@pytest.mark.parametrize("measure", WORSE_WHEN_HIGHER, ids=lambda f: f.__name__)
def test_struggling_is_worse_than_good(measure, trio) -> None:  # type: ignore[no-untyped-def]
    good, national, struggling = trio
    assert measure(good) < measure(national) < measure(struggling)
