"""What the synthetic authority looks like: size, history, place, and how well it practises.

Every figure that shapes the data lives here, named, so a reader can see what was assumed. The
national preset is calibrated to the England figures in REFERENCE.md §3; ``good`` and
``struggling`` move the practice rates (the shortfalls an inspector would find) either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Literal

Preset = Literal["national", "good", "struggling"]
PRESETS: tuple[Preset, ...] = ("national", "good", "struggling")

DEMO_LAUA = "E06000060"  # Buckinghamshire (unitary): the authority in the monitoring-visit report
DEMO_LA_CODE = "825"  # its DfE local authority number
DEMO_LA_NAME = "Buckinghamshire (synthetic)"
ENGLAND_THRESHOLD = 20_000  # from this many children, homes are spread across England


@dataclass(frozen=True, slots=True)
class Practice:
    """How often practice falls short. Each is a probability (or a typical delay in days)."""

    visit_late: float  # a statutory visit happens after its due date
    review_late: float  # a review is held after its due date
    health_late: float  # an initial or review health assessment is late
    dental_missed: float  # an annual dental check does not happen
    pep_missed: float  # a term passes without a PEP for a school-age child
    rhi_not_offered: float  # no return interview offered after a missing episode
    rhi_offered_late: float  # offered, but more than 72 hours after return
    rhi_declined: float  # the child declines the interview
    rhi_not_used: float  # the interview's findings are not used in the plan
    ltf_unmatched: float  # a long-term foster placement never formally matched
    far_placement: float  # a new placement is more than 20 miles from home
    turnover: float  # permanent social workers leaving per year (FTE rate)
    vacancy: float  # share of funded posts not filled by a permanent worker
    agency_cover: float  # share of vacant posts covered by an agency worker
    agency_churn: float  # agency workers leaving per year
    reallocation: float  # changes of social worker per child-year, other than a worker leaving
    caseload: float  # children in care per case-holding social worker
    recording_delay: float  # median days from a visit to its record
    permanence_late: float  # no permanence plan by the second review
    plan_section_missing: float  # a required care plan section missing
    docs_not_updated: float  # chronology or assessment not updated after a placement change
    iro_unanswered: float  # an IRO challenge never answered
    iro_late: float  # an IRO challenge answered after its due date
    iro_challenge_rate: float  # challenges per child per review
    tm_audit_share: float  # share of case audits done by team managers
    cic_audit_share: float  # share of case audits that look at children in care
    audit_action_late: float  # an audit action completed late or not at all
    edt_late: float  # an out-of-hours contact passed to the day team after 09:00 next working day
    referral_wait: float  # median days from referral to advocacy/IV/life story starting
    referral_unmet: float  # a referral that never starts
    supervision_missed: float  # a monthly supervision that does not happen
    oversight_interval: float  # typical days between management oversight entries
    temp_approval_overrun: float  # connected-person approval running past 16 (or 24) weeks
    not_seen_alone: float  # a visit where the child (4+) is not seen alone


NATIONAL = Practice(
    visit_late=0.10,
    review_late=0.10,
    health_late=0.15,
    dental_missed=0.15,
    pep_missed=0.10,
    rhi_not_offered=0.15,
    rhi_offered_late=0.20,
    rhi_declined=0.40,
    rhi_not_used=0.30,
    ltf_unmatched=0.20,
    far_placement=0.225,
    turnover=0.118,
    vacancy=0.145,
    agency_cover=0.95,
    agency_churn=1.2,
    reallocation=0.42,
    caseload=15.0,
    recording_delay=4.0,
    permanence_late=0.15,
    plan_section_missing=0.08,
    docs_not_updated=0.25,
    iro_unanswered=0.10,
    iro_late=0.25,
    iro_challenge_rate=0.08,
    tm_audit_share=0.30,
    cic_audit_share=0.30,
    audit_action_late=0.25,
    edt_late=0.20,
    referral_wait=35.0,
    referral_unmet=0.15,
    supervision_missed=0.15,
    oversight_interval=60.0,
    temp_approval_overrun=0.20,
    not_seen_alone=0.20,
)

GOOD = replace(
    NATIONAL,
    visit_late=0.03,
    review_late=0.03,
    health_late=0.05,
    dental_missed=0.06,
    pep_missed=0.03,
    rhi_not_offered=0.03,
    rhi_offered_late=0.05,
    rhi_declined=0.30,
    rhi_not_used=0.08,
    ltf_unmatched=0.05,
    far_placement=0.12,
    turnover=0.08,
    vacancy=0.07,
    agency_churn=0.8,
    reallocation=0.30,
    caseload=13.0,
    recording_delay=1.5,
    permanence_late=0.05,
    plan_section_missing=0.02,
    docs_not_updated=0.05,
    iro_unanswered=0.02,
    iro_late=0.08,
    iro_challenge_rate=0.05,
    tm_audit_share=0.45,
    cic_audit_share=0.40,
    audit_action_late=0.08,
    edt_late=0.05,
    referral_wait=15.0,
    referral_unmet=0.04,
    supervision_missed=0.04,
    oversight_interval=35.0,
    temp_approval_overrun=0.05,
    not_seen_alone=0.10,
)

# Like the monitoring visit in shared/seed: turnover, far placements, late health assessments,
# missing or late return interviews, unmatched long-term placements, unanswered IRO challenges,
# recording delays, few team-manager audits and little audit of children in care.
STRUGGLING = replace(
    NATIONAL,
    visit_late=0.22,
    review_late=0.18,
    health_late=0.35,
    dental_missed=0.30,
    pep_missed=0.08,
    rhi_not_offered=0.30,
    rhi_offered_late=0.40,
    rhi_declined=0.45,
    rhi_not_used=0.55,
    ltf_unmatched=0.45,
    far_placement=0.32,
    turnover=0.24,
    vacancy=0.25,
    agency_churn=1.8,
    reallocation=0.80,
    caseload=18.0,
    recording_delay=9.0,
    permanence_late=0.35,
    plan_section_missing=0.22,
    docs_not_updated=0.55,
    iro_unanswered=0.30,
    iro_late=0.45,
    iro_challenge_rate=0.15,
    tm_audit_share=0.08,
    cic_audit_share=0.12,
    audit_action_late=0.45,
    edt_late=0.45,
    referral_wait=80.0,
    referral_unmet=0.35,
    supervision_missed=0.35,
    oversight_interval=110.0,
    temp_approval_overrun=0.40,
    not_seen_alone=0.35,
)

PRACTICE: dict[Preset, Practice] = {"national": NATIONAL, "good": GOOD, "struggling": STRUGGLING}


@dataclass(frozen=True, slots=True)
class Population:
    """Who comes into care and for how long (national shapes; not practice)."""

    uasc_entry_share: float = 0.17  # of children starting to be looked after
    male_non_uasc: float = 0.53
    male_uasc: float = 0.94
    # age at entry (non-UASC): under 1, 1-4, 5-9, 10-15, 16-17
    entry_age: tuple[float, ...] = (0.19, 0.15, 0.16, 0.35, 0.15)
    # ethnicity targets for children in care at 31 March (REFERENCE.md §3, 2025)
    ethnic_target: tuple[tuple[str, float], ...] = (
        ("White", 0.71),
        ("Mixed", 0.11),
        ("Black", 0.08),
        ("Asian", 0.05),
        ("Other", 0.04),
        ("Unknown", 0.01),
    )
    # UASC ethnic groups (mostly Afghan, Sudanese, Eritrean, Iranian, Albanian, Vietnamese)
    ethnic_uasc: tuple[tuple[str, float], ...] = (
        ("White", 0.08),
        ("Mixed", 0.0),
        ("Black", 0.30),
        ("Asian", 0.30),
        ("Other", 0.31),
        ("Unknown", 0.01),
    )
    disability: float = 0.07
    # placement moves per year by age at the time (under 5, 5-9, 10-13, 14-15, 16-17), before
    # each child's own instability multiplies them
    move_rate: tuple[float, ...] = (0.13, 0.13, 0.33, 1.2, 4.0)
    move_spread: float = 1.4  # sigma of the lognormal individual multiplier
    early_move: float = 0.30  # an emergency first placement that ends within 2 months
    missing_prone: float = 0.30  # share of children aged 11+ who go missing at all
    missing_rate: float = 5.0  # missing incidents per year among those who do


@dataclass(frozen=True, slots=True)
class SynthConfig:
    children: int = 1000  # looked after at some point in the final collection year
    years: int = 5  # collection years of history, ending with the as-of year
    seed: int = 1
    preset: Preset = "national"
    as_of: date = date(2026, 3, 31)
    home_area: str | None = None  # LAUA of the home authority; None: demo LA, or England if big
    la_code: str = DEMO_LA_CODE
    la_name: str = DEMO_LA_NAME
    practice: Practice | None = None  # overrides the preset's practice rates
    population: Population = field(default_factory=Population)

    def __post_init__(self) -> None:
        if self.children < 1:
            raise ValueError("children must be at least 1")
        if not 1 <= self.years <= 30:
            raise ValueError("years must be between 1 and 30")
        if self.preset not in PRESETS:
            raise ValueError(f"preset must be one of {', '.join(PRESETS)}")

    @property
    def rates(self) -> Practice:
        return self.practice or PRACTICE[self.preset]

    @property
    def england(self) -> bool:
        """Homes spread across England (national scale) rather than one authority."""
        if self.home_area is not None:
            return self.home_area.upper() == "ENGLAND"
        return self.children >= ENGLAND_THRESHOLD

    @property
    def laua(self) -> str:
        return DEMO_LAUA if self.home_area is None or self.england else self.home_area

    @property
    def final_year(self) -> int:
        """Collection year (ending 31 March) that contains the as-of date."""
        return self.as_of.year if self.as_of.month <= 3 else self.as_of.year + 1

    @property
    def first_year(self) -> int:
        return self.final_year - self.years + 1

    @property
    def window_start(self) -> date:
        return date(self.first_year - 1, 4, 1)

    @property
    def final_year_start(self) -> date:
        return date(self.final_year - 1, 4, 1)
