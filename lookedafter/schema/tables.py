"""The canonical dataset, declared once: every table, column, dtype and code list.

SSDA903 tables keep the DfE file and column names so rules read like the guidance. Practice tables
(what the 903 lacks but inspectors examine) use the same UPPER_CASE style and key on ``CHILD``.
Dates are ``pl.Date``; clock times (return interviews, out-of-hours transfers) ``pl.Datetime``.
Codes are strings checked against the named code list in ``codes.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from lookedafter.schema import codes

Str = pl.String()
Date = pl.Date()
DateTime = pl.Datetime("us")
Int = pl.Int32()
Float = pl.Float64()
Bool = pl.Boolean()


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    dtype: pl.DataType
    description: str = ""
    code_list: str | None = None

    def __post_init__(self) -> None:
        if self.code_list is not None:
            codes.code_list(self.code_list)  # fails loudly on a typo


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    ssda903: bool = False
    key: tuple[str, ...] = ()
    years: tuple[int, int | None] = (2000, None)  # collection years (ending March) it exists in
    column_index: dict[str, Column] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.column_index.update({c.name: c for c in self.columns})

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def polars_schema(self) -> pl.Schema:
        return pl.Schema({c.name: c.dtype for c in self.columns})

    def empty(self) -> pl.DataFrame:
        return pl.DataFrame(schema=self.polars_schema)

    def exists_in(self, year: int) -> bool:
        start, end = self.years
        return start <= year and (end is None or year <= end)


def _c(name: str, dtype: pl.DataType, desc: str = "", code_list: str | None = None) -> Column:
    return Column(name, dtype, desc or codes.meaning(name), code_list)


CHILD = _c("CHILD", Str, "The child's identifier, unique within the authority")
DOB = _c("DOB", Date, "Date of birth")
YEAR = _c(
    "YEAR",
    Int,
    "Collection year (ending 31 March) the row belongs to; not a DfE column, not in 903 files",
)

SSDA903_TABLES: tuple[Table, ...] = (
    Table(
        "Header",
        "One row per child looked after at any point in the year",
        (
            CHILD,
            _c("SEX", Str, code_list="SEX_from_2024_25"),
            DOB,
            _c("ETHNIC", Str, code_list="ETHNIC"),
            _c("UPN", Str),
            _c("MOTHER", Str, code_list="MOTHER"),
            _c("MC_DOB", Date),
        ),
        ssda903=True,
        key=("CHILD",),
    ),
    Table(
        "Episodes",
        "One row per episode; a new episode on each change of legal status or placement",
        (
            CHILD,
            _c("DECOM", Date),
            _c("RNE", Str, code_list="RNE"),
            _c("LS", Str, code_list="LS"),
            _c("CIN", Str, code_list="CIN"),
            _c("PLACE", Str, code_list="PLACE"),
            _c("PLACE_PROVIDER", Str, code_list="PLACE_PROVIDER"),
            _c("DEC", Date),
            _c("REC", Str, code_list="REC"),
            _c("REASON_PLACE_CHANGE", Str, code_list="REASON_PLACE_CHANGE"),
            _c("HOME_POST", Str),
            _c("PL_POST", Str),
            _c("URN", Str),
        ),
        ssda903=True,
        key=("CHILD", "DECOM"),
    ),
    Table(
        "Reviews",
        "One row per statutory review held, with the child's participation",
        (CHILD, DOB, _c("REVIEW", Date), _c("REVIEW_CODE", Str, code_list="REVIEW_CODE")),
        ssda903=True,
        key=("CHILD", "REVIEW"),
    ),
    Table(
        "UASC",
        "Unaccompanied asylum-seeking children and the date that status ceased",
        (CHILD, _c("SEX", Str, code_list="SEX_from_2024_25"), DOB, _c("DUC", Date)),
        ssda903=True,
        key=("CHILD",),
    ),
    Table(
        "OC2",
        "Outcomes for children looked after continuously for 12 months at 31 March",
        (
            CHILD,
            DOB,
            _c("SDQ_SCORE", Int),
            _c("SDQ_REASON", Str, code_list="SDQ_REASON"),
            _c("CONVICTED", Str, code_list="OC2_FLAG"),
            _c("HEALTH_CHECK", Str, code_list="OC2_FLAG"),
            _c("IMMUNISATIONS", Str, code_list="OC2_FLAG"),
            _c("TEETH_CHECK", Str, code_list="OC2_FLAG"),
            _c("HEALTH_ASSESSMENT", Str, code_list="OC2_FLAG"),
            _c("SUBSTANCE_MISUSE", Str, code_list="OC2_FLAG"),
            _c("INTERVENTION_RECEIVED", Str, code_list="OC2_FLAG"),
            _c("INTERVENTION_OFFERED", Str, code_list="OC2_FLAG"),
            YEAR,
        ),
        ssda903=True,
        key=("CHILD", "YEAR"),
    ),
    Table(
        "OC3",
        "Care leavers: in touch, activity and accommodation around their birthday",
        (
            CHILD,
            DOB,
            _c("IN_TOUCH", Str, code_list="IN_TOUCH"),
            _c("ACTIV", Str, code_list="ACTIV"),
            _c("ACCOM", Str),
            YEAR,
        ),
        ssda903=True,
        key=("CHILD", "YEAR"),
    ),
    Table(
        "AD1",
        "Children adopted during the year",
        (
            CHILD,
            DOB,
            _c("DATE_INT", Date),
            _c("DATE_MATCH", Date),
            _c("FOSTER_CARE", Str, code_list="FOSTER_CARE"),
            _c("NB_ADOPTR", Str, code_list="NB_ADOPTR"),
            _c("SEX_ADOPTR", Str, code_list="SEX_ADOPTR"),
            _c("LS_ADOPTR", Str, code_list="LS_ADOPTR"),
        ),
        ssda903=True,
        key=("CHILD",),
    ),
    Table(
        "PlacedAdoption",
        "Decisions that a child should be placed for adoption, and reversals",
        (
            CHILD,
            DOB,
            _c("DATE_PLACED", Date),
            _c("DATE_PLACED_CEASED", Date),
            _c("REASON_PLACED_CEASED", Str, code_list="REASON_PLACED_CEASED"),
        ),
        ssda903=True,
        key=("CHILD", "DATE_PLACED"),
    ),
    Table(
        "PrevPerm",
        "Previous permanence (adoption, SGO, CAO) before this period of care",
        (
            CHILD,
            DOB,
            _c("PREV_PERM", Str, code_list="PREV_PERM"),
            _c("LA_PERM", Str),
            _c("DATE_PERM", Str, "Date of the previous permanence order (may be partial)"),
        ),
        ssda903=True,
        key=("CHILD",),
    ),
    Table(
        "Missing",
        "One row per missing or away-without-authorisation episode",
        (
            CHILD,
            DOB,
            _c("MISSING", Str, code_list="MISSING"),
            _c("MIS_START", Date),
            _c("MIS_END", Date),
        ),
        ssda903=True,
        key=("CHILD", "MIS_START"),
    ),
    Table(
        "SWEpisodes",
        "Social worker episodes",
        (
            CHILD,
            DOB,
            _c("SW_ID", Str, "Social worker's identifier (SWE registration or local id)"),
            _c("SW_DECOM", Date, "Start of the social worker episode"),
            _c("SW_DEC", Date, "End of the social worker episode"),
            _c("SW_REASON", Str, "Reason for the change of social worker", "SW_REASON"),
        ),
        ssda903=True,
        key=("CHILD", "SW_DECOM"),
        years=(2024, None),
    ),
    Table(
        "DoLo",
        "Deprivation of liberty orders",
        (
            CHILD,
            DOB,
            _c("DOLO_START", Date, "Start of the deprivation of liberty order"),
            _c("DOLO_END", Date, "End of the deprivation of liberty order"),
        ),
        ssda903=True,
        key=("CHILD", "DOLO_START"),
        years=(2027, None),
    ),
)

PRACTICE_TABLES: tuple[Table, ...] = (
    Table(
        "Children",
        "The register's details of each child beyond the 903 header",
        (
            CHILD,
            _c("FORENAME", Str, "Forename"),
            _c("SURNAME", Str, "Surname"),
            _c("HOME_POST", Str, "Home postcode"),
            _c("DISABILITY", Bool, "Has a disability"),
            _c("RESTRICTED", Bool, "Record restricted to people named on it"),
        ),
        key=("CHILD",),
    ),
    Table(
        "Teams",
        "Teams and the service each belongs to",
        (
            _c("TEAM_ID", Str, "Team identifier"),
            _c("TEAM_NAME", Str, "Team name"),
            _c("SERVICE", Str, "Service (e.g. children in care, IRO service)"),
        ),
        key=("TEAM_ID",),
    ),
    Table(
        "Workers",
        "Staff: social workers, managers, IROs and others",
        (
            _c("WORKER_ID", Str, "Worker identifier"),
            _c("WORKER_NAME", Str, "Name"),
            _c("TEAM_ID", Str, "Team"),
            _c("ROLE", Str, "Role", "ROLE"),
            _c("FTE", Float, "Full-time equivalent"),
            _c("AGENCY", Bool, "Agency (locum) worker"),
            _c("CASE_HOLDING", Bool, "Holds cases"),
            _c("START_DATE", Date, "Started in post"),
            _c("LEAVE_DATE", Date, "Left the post"),
            _c("LEAVE_REASON", Str, "Why they left", "LEAVE_REASON"),
            _c("MANAGER_ID", Str, "Line manager"),
        ),
        key=("WORKER_ID",),
    ),
    Table(
        "Vacancies",
        "Vacant funded posts",
        (
            _c("VACANCY_ID", Str, "Vacancy identifier"),
            _c("TEAM_ID", Str, "Team"),
            _c("ROLE", Str, "Role", "ROLE"),
            _c("FTE", Float, "Full-time equivalent of the post"),
            _c("OPEN_DATE", Date, "Post became vacant"),
            _c("FILLED_DATE", Date, "Post filled (by a permanent worker)"),
        ),
        key=("VACANCY_ID",),
    ),
    Table(
        "Allocations",
        "Who holds which child when: social worker and IRO allocations",
        (
            CHILD,
            _c("WORKER_ID", Str, "Allocated worker"),
            _c("ALLOC_ROLE", Str, "Allocation role", "ALLOCATION_ROLE"),
            _c("ALLOC_START", Date, "Allocation start"),
            _c("ALLOC_END", Date, "Allocation end"),
            _c("CHANGE_REASON", Str, "Why the worker changed at the start", "SW_REASON"),
        ),
        key=("CHILD", "ALLOC_ROLE", "ALLOC_START"),
    ),
    Table(
        "Visits",
        "Statutory social worker visits",
        (
            CHILD,
            _c("VISIT_DATE", Date, "Date of the visit"),
            _c("WORKER_ID", Str, "Visiting worker"),
            _c("SEEN", Bool, "Child seen"),
            _c("SEEN_ALONE", Bool, "Child seen alone"),
            _c("NOT_ALONE_REASON", Str, "Why the child was not seen alone"),
            _c("RECORDED_DATE", Date, "Date the visit was recorded"),
        ),
        key=("CHILD", "VISIT_DATE"),
    ),
    Table(
        "Health",
        "Health assessments, dental checks and SDQs",
        (
            CHILD,
            _c("HEALTH_KIND", Str, "Kind of check", "HEALTH_KIND"),
            _c("HEALTH_DATE", Date, "Date done"),
            _c("RECORDED_DATE", Date, "Date recorded"),
            _c("SDQ_SCORE", Int, "SDQ total score, for an SDQ"),
        ),
        key=("CHILD", "HEALTH_KIND", "HEALTH_DATE"),
    ),
    Table(
        "PEPs",
        "Personal education plans",
        (
            CHILD,
            _c("PEP_DATE", Date, "Date the PEP was completed or reviewed"),
            _c("PEP_KIND", Str, "Initial or review", "PEP_KIND"),
            _c("RECORDED_DATE", Date, "Date recorded"),
        ),
        key=("CHILD", "PEP_DATE"),
    ),
    Table(
        "ReturnInterviews",
        "Return home interviews after a missing episode (linked by CHILD and MIS_START)",
        (
            CHILD,
            _c("MIS_START", Date, "Start of the missing episode this follows"),
            _c("RETURNED_AT", DateTime, "When the child returned or was found"),
            _c("OFFERED_AT", DateTime, "When an interview was offered"),
            _c("DONE_AT", DateTime, "When the interview took place"),
            _c("ACCEPTED", Bool, "Child accepted the interview"),
            _c("USED_IN_PLAN_ON", Date, "Date its findings were used in the assessment or plan"),
        ),
        key=("CHILD", "MIS_START"),
    ),
    Table(
        "CarePlans",
        "Care plans: start, permanence plan, required sections complete, reviewed",
        (
            CHILD,
            _c("PLAN_START", Date, "Date the plan took effect"),
            _c("PERMANENCE_PLAN", Str, "Plan for permanence", "PERMANENCE_PLAN"),
            _c("PERMANENCE_DATE", Date, "Date the permanence plan was decided"),
            _c(
                "SECTIONS_COMPLETE",
                Str,
                "Required sections complete (CARE_PLAN_SECTION codes, ';')",
            ),
            _c("REVIEWED_DATE", Date, "Date the plan was last reviewed"),
        ),
        key=("CHILD", "PLAN_START"),
    ),
    Table(
        "LongTermMatches",
        "Formal matching of long-term foster placements (CPR reg 22B)",
        (
            CHILD,
            _c("DECOM", Date, "Start of the placement episode being matched"),
            _c("MATCH_DATE", Date, "Date the long-term arrangement was confirmed"),
        ),
        key=("CHILD", "DECOM"),
    ),
    Table(
        "TemporaryApprovals",
        "Connected-person temporary approvals (reg 24) and extensions (reg 25)",
        (
            CHILD,
            _c("DECOM", Date, "Start of the placement"),
            _c("APPROVAL_DATE", Date, "Temporary approval given"),
            _c("EXTENSION_DATE", Date, "Extension under reg 25 agreed on"),
            _c("EXTENDED_TO", Date, "Extension end"),
            _c("FULL_APPROVAL_DATE", Date, "Approved as a foster carer"),
            _c("ENDED_DATE", Date, "Placement ended without full approval"),
        ),
        key=("CHILD", "DECOM"),
    ),
    Table(
        "EDTContacts",
        "Out-of-hours (emergency duty team) contacts and their transfer to the day team",
        (
            _c("CONTACT_ID", Str, "Contact identifier"),
            CHILD,
            _c("CONTACT_AT", DateTime, "When the out-of-hours contact happened"),
            _c("TRANSFERRED_AT", DateTime, "When it was passed to the day team"),
            _c("TEAM_ID", Str, "Receiving day team"),
        ),
        key=("CONTACT_ID",),
    ),
    Table(
        "Referrals",
        "Referrals for advocacy, independent visitors and life-story work",
        (
            CHILD,
            _c("SERVICE", Str, "Service referred to", "REFERRAL_SERVICE"),
            _c("REQUESTED_DATE", Date, "Requested or offered on"),
            _c("STARTED_DATE", Date, "Service started"),
        ),
        key=("CHILD", "SERVICE", "REQUESTED_DATE"),
    ),
    Table(
        "Supervision",
        "Supervision sessions",
        (
            _c("SESSION_ID", Str, "Session identifier"),
            _c("WORKER_ID", Str, "Supervisee"),
            _c("SUPERVISOR_ID", Str, "Supervisor"),
            _c("SESSION_DATE", Date, "Date of supervision"),
        ),
        key=("SESSION_ID",),
    ),
    Table(
        "SupervisionCases",
        "Children discussed in each supervision session",
        (_c("SESSION_ID", Str, "Session identifier"), CHILD),
        key=("SESSION_ID", "CHILD"),
    ),
    Table(
        "ManagementOversight",
        "Management oversight entries on a child's record",
        (
            CHILD,
            _c("MANAGER_ID", Str, "Manager"),
            _c("OVERSIGHT_DATE", Date, "Date of the entry"),
        ),
        key=("CHILD", "MANAGER_ID", "OVERSIGHT_DATE"),
    ),
    Table(
        "IROChallenges",
        "IRO challenges under the dispute resolution process, with escalation",
        (
            _c("CHALLENGE_ID", Str, "Challenge identifier"),
            CHILD,
            _c("IRO_ID", Str, "IRO raising it"),
            _c("RAISED_DATE", Date, "Raised on"),
            _c("ISSUE", Str, "What it is about", "IRO_ISSUE"),
            _c("STAGE", Str, "Current escalation stage", "IRO_STAGE"),
            _c("RESPONSE_DUE", Date, "Response due by"),
            _c("RESPONDED_DATE", Date, "Responded on"),
            _c("RESOLVED_DATE", Date, "Resolved on"),
            _c("OUTCOME", Str, "Outcome", "IRO_OUTCOME"),
        ),
        key=("CHALLENGE_ID",),
    ),
    Table(
        "CaseAudits",
        "Case audits",
        (
            _c("AUDIT_ID", Str, "Audit identifier"),
            CHILD,
            _c("AUDIT_SERVICE", Str, "Service the case sat in", "AUDIT_SERVICE"),
            _c("AUDITOR_ID", Str, "Auditor"),
            _c("AUDITOR_ROLE", Str, "Auditor's role", "ROLE"),
            _c("AUDIT_DATE", Date, "Date of the audit"),
            _c("GRADE", Str, "Overall grade", "AUDIT_GRADE"),
            _c("GRADE_PLANNING", Str, "Grade for care planning", "AUDIT_GRADE"),
            _c("GRADE_VOICE", Str, "Grade for the child's voice", "AUDIT_GRADE"),
            _c("GRADE_OVERSIGHT", Str, "Grade for management oversight", "AUDIT_GRADE"),
        ),
        key=("AUDIT_ID",),
    ),
    Table(
        "AuditActions",
        "Actions set by case audits",
        (
            _c("AUDIT_ID", Str, "Audit identifier"),
            _c("ACTION_NO", Int, "Action number within the audit"),
            _c("ACTION", Str, "What must be done"),
            _c("DUE_DATE", Date, "Due by"),
            _c("COMPLETED_DATE", Date, "Completed on"),
        ),
        key=("AUDIT_ID", "ACTION_NO"),
    ),
    Table(
        "Documents",
        "Chronologies, assessments and case summaries updated on a child's record",
        (
            CHILD,
            _c("DOC_KIND", Str, "Kind of document", "DOCUMENT_KIND"),
            _c("UPDATED_DATE", Date, "Date updated"),
        ),
        key=("CHILD", "DOC_KIND", "UPDATED_DATE"),
    ),
)

TABLES: dict[str, Table] = {t.name: t for t in (*SSDA903_TABLES, *PRACTICE_TABLES)}
SSDA903_NAMES: tuple[str, ...] = tuple(t.name for t in SSDA903_TABLES)
PRACTICE_NAMES: tuple[str, ...] = tuple(t.name for t in PRACTICE_TABLES)


def table(name: str) -> Table:
    try:
        return TABLES[name]
    except KeyError:
        raise KeyError(f"unknown table {name!r}; known: {', '.join(TABLES)}") from None
