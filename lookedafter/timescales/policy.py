"""Per-authority settings for the timescale engine, each with its statutory default and source.

Every interval the rules use is a :class:`Setting` declared here once. A setting has a statutory
value (``None`` where no national timescale exists) and an authority may set a local value that
is usually stricter (visits every 4 weeks instead of 6). Both are reported: the engine gives each
occurrence a ``DUE_DATE`` (the local value, or the statutory one where no local value is set) and
a ``STATUTORY_DUE_DATE``. Facts REFERENCE.md marks UNCONFIRMED are settings whose statutory value
an authority can correct (``Policy(statutory={...})``); they are flagged ``unconfirmed``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

import polars as pl

from lookedafter.lib.calendar import DEFAULT, Calendar

Unit = Literal["days", "weeks", "months", "working days", "hours", "o'clock", "years"]


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    unit: Unit
    statutory: int | None
    description: str
    source: str
    default_local: int | None = None  # a common local standard used when the authority sets none
    unconfirmed: bool = False


SETTINGS: tuple[Setting, ...] = (
    # ---- visits (CPR 2010 reg 28) -----------------------------------------------------------
    Setting(
        "first_visit_days",
        "days",
        7,
        "V1: first visit after any placement starts",
        "CPR 2010 reg 28(2)(a)",
    ),
    Setting(
        "visit_interval_days",
        "days",
        42,
        "V2/V3: interval between visits in a placement's first year, and after it when the "
        "placement is not intended to last until 18",
        "CPR 2010 reg 28(2)(b),(c)",
    ),
    Setting(
        "long_term_visit_months",
        "months",
        3,
        "V3: interval after the first year when the placement is intended to last until 18",
        "CPR 2010 reg 28(2)(c)",
    ),
    Setting(
        "long_term_fostering_visit_months",
        "months",
        None,
        "V3: interval for long-term foster placements (U1/U4) in place a year or more; the "
        "2015 reforms were reported to allow 6 months. Unset: the 3-month rule applies",
        "communitycare.co.uk 2014/10/23 (secondary)",
        unconfirmed=True,
    ),
    Setting(
        "weekly_visit_days",
        "days",
        7,
        "V4/V5: interval until the first review (placed with parent under reg 19; "
        "connected person under reg 24 or interim care order at home)",
        "CPR 2010 reg 28(3),(4)",
    ),
    Setting(
        "parent_visit_days",
        "days",
        42,
        "V4: interval after the first review, placed with parent before assessment complete",
        "CPR 2010 reg 28(3)",
    ),
    Setting(
        "connected_visit_days",
        "days",
        28,
        "V5: interval after the first review, connected person (reg 24) or interim care order",
        "CPR 2010 reg 28(4)",
    ),
    Setting(
        "care_order_first_visit_days",
        "days",
        7,
        "V6: first visit after a care order is made while the child lives with a parent",
        "CPR 2010 reg 28(5)",
    ),
    Setting(
        "care_order_visit_days",
        "days",
        42,
        "V6: interval after that first visit",
        "CPR 2010 reg 28(5)",
    ),
    Setting(
        "short_break_visit_days",
        "days",
        None,
        "Short breaks (LS V3/V4): visits on days the child is placed, at intervals agreed with "
        "the IRO and parents. Unset: short-break visits are not scheduled",
        "CPR 2010 reg 48",
    ),
    Setting(
        "recording_working_days",
        "working days",
        None,
        "V7: a visit recorded (child seen alone, or why not) within this many working days",
        "local standard (no national timescale)",
        default_local=5,
    ),
    # ---- reviews (CPR 2010 reg 33) ----------------------------------------------------------
    Setting(
        "first_review_working_days",
        "working days",
        20,
        "R1: first review after the child becomes looked after",
        "CPR 2010 reg 33(1)",
    ),
    Setting(
        "second_review_months",
        "months",
        3,
        "R2: second review after the first",
        "CPR 2010 reg 33(2)",
    ),
    Setting(
        "later_review_months",
        "months",
        6,
        "R3: each later review after the previous",
        "CPR 2010 reg 33(2)",
    ),
    Setting(
        "short_break_first_review_months",
        "months",
        None,
        "Short breaks: first review within this many months of the first short break "
        "(reg 48 timetable). Unset: the reg 33 timetable applies",
        "CPR 2010 reg 48 (excerpt read stops part way)",
        unconfirmed=True,
    ),
    Setting(
        "early_review_window_days",
        "days",
        None,
        "R4: a review held within this many days before accommodation under s20 ends, when "
        "the child is not going home",
        "CPR 2010 reg 33(3) sets no window",
        default_local=28,
    ),
    # ---- health ------------------------------------------------------------------------------
    Setting(
        "iha_working_days",
        "working days",
        20,
        "H1: initial health assessment before the first review",
        "CPR 2010 reg 7 (secondary)",
    ),
    Setting(
        "iha_prior_months",
        "months",
        3,
        "H1: an assessment this recent before care began makes a new one unnecessary",
        "CPR 2010 reg 7 (secondary)",
    ),
    Setting(
        "rha_under5_months",
        "months",
        6,
        "H2: review health assessment while under 5",
        "DfE/DHSC Promoting the health and well-being of looked-after children, 2015",
    ),
    Setting(
        "rha_months",
        "months",
        12,
        "H2: review health assessment from the 5th birthday",
        "DfE/DHSC Promoting the health and well-being of looked-after children, 2015",
    ),
    # ---- education ---------------------------------------------------------------------------
    Setting(
        "pep_working_days",
        "working days",
        20,
        "E1: PEP completed and available for the first review",
        "DfE Promoting the education of looked-after children, 2018",
    ),
    Setting(
        "pep_min_age",
        "years",
        5,
        "E1/E2: youngest age a PEP is required at",
        "compulsory school age",
    ),
    Setting(
        "pep_max_age",
        "years",
        16,
        "E1/E2: age from which a PEP is no longer required",
        "compulsory school age",
    ),
    # ---- missing -----------------------------------------------------------------------------
    Setting(
        "return_interview_hours",
        "hours",
        72,
        "M1: return home interview after a child returns from a missing episode",
        "DfE Children who run away or go missing from home or care, 2014",
    ),
    # ---- connected persons -------------------------------------------------------------------
    Setting(
        "temporary_approval_weeks",
        "weeks",
        16,
        "C1: connected-person temporary approval",
        "CPR 2010 reg 24",
    ),
    Setting(
        "extension_weeks",
        "weeks",
        8,
        "C2: the one extension of a temporary approval",
        "CPR 2010 reg 25",
    ),
    # ---- care planning and permanence ---------------------------------------------------------
    Setting(
        "care_plan_working_days",
        "working days",
        10,
        "CP1: care plan after the first placement starts",
        "CPR 2010 reg 4(2),(6)",
    ),
    Setting(
        "long_term_match_days",
        "days",
        0,
        "L1: days from a placement becoming long-term fostering (U1/U4) to its confirmation",
        "CPR 2010 reg 22B (conditions before the arrangement)",
    ),
    Setting(
        "adoption_a1_months",
        "months",
        14,
        "A1/A10: entering care to moving in with the adoptive family",
        "DfE adoption scorecard threshold 2013-16",
    ),
    Setting(
        "adoption_a1_days",
        "days",
        None,
        "A1/A10 threshold in days instead of months (426 commonly quoted)",
        "DfE adoption scorecard (day figure unconfirmed)",
        unconfirmed=True,
    ),
    Setting(
        "adoption_a2_months",
        "months",
        4,
        "A2: court authority to place to the decision on a match",
        "DfE adoption scorecard threshold 2013-16",
    ),
    Setting(
        "adoption_a2_days",
        "days",
        None,
        "A2 threshold in days instead of months (121 commonly quoted)",
        "DfE adoption scorecard (day figure unconfirmed)",
        unconfirmed=True,
    ),
    # ---- IRO disputes and out-of-hours ---------------------------------------------------------
    Setting(
        "iro_resolution_working_days",
        "working days",
        20,
        "I1: the dispute resolution process as a whole",
        "IRO Handbook 2010 s6.2 (secondary)",
    ),
    Setting(
        "iro_response_working_days",
        "working days",
        None,
        "I1: response at each escalation stage (when the challenge records no due date)",
        "local protocol",
        default_local=10,
    ),
    Setting(
        "edt_transfer_hour",
        "o'clock",
        None,
        "D1: out-of-hours work passed to the day team by this hour of the next working day",
        "local standard (no national timescale)",
        default_local=9,
    ),
    # ---- reporting -----------------------------------------------------------------------------
    Setting(
        "due_soon_days",
        "days",
        None,
        "Not yet done and due within this many days: reported as due soon",
        "local choice",
        default_local=14,
    ),
)

SETTING_INDEX: dict[str, Setting] = {s.name: s for s in SETTINGS}


def _check(names: Mapping[str, int | None], what: str) -> None:
    unknown = sorted(set(names) - set(SETTING_INDEX))
    if unknown:
        raise KeyError(f"unknown {what} setting(s) {unknown}; known: {', '.join(SETTING_INDEX)}")


@dataclass(frozen=True)
class Policy:
    """An authority's settings: local values, corrected statutory values, its calendar."""

    local: Mapping[str, int | None] = field(default_factory=dict)
    statutory: Mapping[str, int | None] = field(default_factory=dict)
    calendar: Calendar = DEFAULT

    def __post_init__(self) -> None:
        _check(self.local, "local")
        _check(self.statutory, "statutory")
        confirmed = [n for n in self.statutory if not SETTING_INDEX[n].unconfirmed]
        if confirmed:
            raise ValueError(
                f"{confirmed}: statutory values read from the regulations cannot be overridden; "
                "set a local value instead"
            )

    def statutory_value(self, name: str) -> int | None:
        if name in self.statutory:
            return self.statutory[name]
        return SETTING_INDEX[name].statutory

    def value(self, name: str) -> int | None:
        """The value the authority works to: local if set, else statutory, else a local default."""
        if name in self.local:
            return self.local[name]
        stat = self.statutory_value(name)
        return stat if stat is not None else SETTING_INDEX[name].default_local

    def is_local(self, name: str) -> bool:
        return self.value(name) != self.statutory_value(name)

    def report(self) -> pl.DataFrame:
        """Every setting: statutory value, the value in use, unit, source."""
        return pl.DataFrame(
            {
                "SETTING": [s.name for s in SETTINGS],
                "STATUTORY": [self.statutory_value(s.name) for s in SETTINGS],
                "LOCAL": [self.value(s.name) for s in SETTINGS],
                "UNIT": [s.unit for s in SETTINGS],
                "UNCONFIRMED": [s.unconfirmed for s in SETTINGS],
                "DESCRIPTION": [s.description for s in SETTINGS],
                "SOURCE": [s.source for s in SETTINGS],
            },
            schema={
                "SETTING": pl.String,
                "STATUTORY": pl.Int64,
                "LOCAL": pl.Int64,
                "UNIT": pl.String,
                "UNCONFIRMED": pl.Boolean,
                "DESCRIPTION": pl.String,
                "SOURCE": pl.String,
            },
        )


STATUTORY = Policy()
