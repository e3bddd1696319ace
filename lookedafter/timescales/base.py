"""What every group of timescale rules shares.

* :class:`RuleInfo`: a rule's REFERENCE.md ID, title, source and day type, declared once in the
  module that computes it.
* :class:`Context`: the dataset cut at the reference date, the policy, and derived frames built
  once (periods of care, placements, reviews) as LazyFrames.
* :func:`finish`: turns a rule's occurrences (clock start, due dates, done date, when the duty
  lapsed) into the engine's columns, with STATUS and a plain-English REASON.

A rule module returns a LazyFrame with the columns of :data:`OCCURRENCE_SCHEMA`; nothing here
loops over children.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property
from typing import Literal

import polars as pl

from lookedafter.lib.calendar import Calendar, date_text
from lookedafter.schema.dataset import Dataset
from lookedafter.timescales.policy import Policy

DayType = Literal["calendar", "working days", "clock hours", "school terms", "derived", "local"]
# Tables whose children get codes. The big event tables (visits, reviews, health checks, PEPs)
# are left out: an event for a child with no care record cannot be timed.
CHILD_TABLES = (
    "Header",
    "Episodes",
    "Missing",
    "ReturnInterviews",
    "CarePlans",
    "LongTermMatches",
    "TemporaryApprovals",
    "PlacedAdoption",
    "AD1",
    "IROChallenges",
    "EDTContacts",
    "Allocations",
)
# The episodes' columns the rules read (see Context.episodes).
EPISODE_COLUMNS = ("CHILD", "DECOM", "DEC", "RNE", "LS", "PLACE", "REC")
# Polars' default (streaming) engine is slow on business-day arithmetic with a long holiday list
# (about 50 ms per expression per morsel batch here); the in-memory engine is not.
ENGINE: Literal["in-memory"] = "in-memory"
STATUSES = ("on_time", "late", "overdue", "due_soon", "not_yet_due", "not_applicable")
STATUS_ENUM = pl.Enum(STATUSES)
SHORT_BREAK_LS = ("V3", "V4")
LONG_TERM_FOSTERING = ("U1", "U4")
CONNECTED_PERSON_PLACE = ("U1", "U2", "U3")
ADOPTION_PLACE = ("A3", "A4", "A5", "A6")
ADOPTION_WITH_FOSTER_CARER = ("A3", "A5")
TEMPORARY_PLACE = ("T0", "T1", "T2", "T3", "T4")
# Rules whose occurrences form one chain per child, each restarting the clock of the next
# (a visit, a new placement; a health assessment). Every other rule is its own chain.
CHAINS = {
    **{f"V{i}": "V" for i in range(1, 7)},
    "H1": "H",
    "H2": "H",
    "R1": "R",
    "R2": "R",
    "R3": "R",
}
# Rules whose window also keeps the occurrences done in it, however long before they fell due
# (the adoption scorecard counts the adoptions of the last three years).
DONE_WINDOW_RULES = ("A1", "A2", "A10")


@dataclass(frozen=True, slots=True)
class RuleInfo:
    id: str
    title: str
    source: str
    day_type: DayType
    group: str


@dataclass(frozen=True, slots=True)
class RuleGroup:
    """A module's rules and the function computing their occurrences."""

    rules: tuple[RuleInfo, ...]
    compute: Callable[[Context], pl.LazyFrame]


# The columns a rule module returns (before WORKER_ID/TEAM_ID, STATUS and REASON are added).
OCCURRENCE_SCHEMA: dict[str, pl.DataType] = {
    "CHILD": pl.UInt32(),  # the child's code (see Context.child_codes), decoded at the end
    "RULE": pl.String(),
    "CLOCK_START": pl.Date(),
    "DUE_DATE": pl.Date(),
    "STATUTORY_DUE_DATE": pl.Date(),
    "DONE_DATE": pl.Date(),
    "DUE_AT": pl.Datetime("us"),  # clock-hour rules (M1, D1): the exact deadline
    "DONE_AT": pl.Datetime("us"),
    "LAPSE_DATE": pl.Date(),  # the duty ended (placement or care ended) on this date
    "LAPSE_WHAT": pl.String(),  # e.g. "the placement ended"
    "NA_REASON": pl.String(),  # set when the rule does not apply at all
    "WHAT": pl.String(),  # e.g. "Visit"
    "BASIS": pl.String(),  # e.g. "6 weeks after the visit on 29/01/2026"
    "NOTE": pl.String(),  # extra words for the reason (e.g. "offered and declined")
    "TEAM_HINT": pl.String(),  # team named by the record itself (EDT receiving team)
    # Set only on the rows standing for occurrences that a window left out (see skip_before):
    # how many of the child's occurrences of RULE were left out, all earlier than any computed.
    "SKIPPED": pl.UInt32(),
}

OUTPUT_SCHEMA: dict[str, pl.DataType] = {
    "CHILD": pl.String(),
    "RULE": pl.String(),
    "OCCURRENCE": pl.Int32(),
    "CLOCK_START": pl.Date(),
    "DUE_DATE": pl.Date(),
    "STATUTORY_DUE_DATE": pl.Date(),
    "DONE_DATE": pl.Date(),
    "STATUS": pl.String(),
    "REASON": pl.String(),
    "WORKER_ID": pl.String(),
    "TEAM_ID": pl.String(),
}


def skip_before(
    frame: pl.LazyFrame,
    day: str,
    floor: date | None,
    rule: pl.Expr,
    *,
    sorted_by_child: bool = False,
) -> tuple[pl.LazyFrame, pl.LazyFrame | None]:
    """Split ``frame`` (one row per occurrence, its clock start in ``day``, its rule given by
    ``rule``) at ``floor``: the rows from then on and, for each child, those from its last
    clock start before then (so that a chain's latest occurrence due before the window is
    nearly always computed); and the rows before counted per child and rule (SKIPPED), so
    that :func:`finish` numbers the occurrences as over the whole history (every row counted
    began before every row computed). No floor (no window): every row, nothing skipped.
    ``sorted_by_child``: the frame is already sorted by child, then ``day``."""
    if floor is None:
        return frame, None
    lit = pl.lit(floor, dtype=pl.Date)
    if not sorted_by_child:
        # computed once here (both parts read it); sorted only if it is not already (tables
        # exported in child and date order often are: checking costs far less than sorting)
        rows = frame.collect(engine=ENGINE)
        if not rows.select(by_then("CHILD", day)).to_series().is_sorted():
            rows = rows.sort(by_then("CHILD", day))
        frame = rows.lazy()
    # sorted by child and day, each child's last day before the floor is on the row before
    # the child's first row from the floor (or its last row): no grouping needed
    before = pl.col(day) < lit
    last = before & (
        (pl.col("CHILD") != pl.col("CHILD").shift(-1)) | (pl.col(day).shift(-1) >= lit)
    ).fill_null(True)
    last_day = pl.when(last).then(pl.col(day)).backward_fill()
    skip = (before & (pl.col(day) != last_day)).fill_null(False)
    frame = materialise(frame.with_columns(_SKIP=skip))  # computed once: both parts read it
    count = pl.len().cast(pl.UInt32).alias("SKIPPED")
    if rule.meta.is_literal():  # one rule: grouped by the child's code alone (no string keys)
        skipped = frame.filter("_SKIP").group_by("CHILD").agg(count).with_columns(RULE=rule)
    else:
        skipped = frame.filter("_SKIP").group_by("CHILD", rule.alias("RULE")).agg(count)
    return frame.filter(~pl.col("_SKIP")).drop("_SKIP"), skipped


def with_skipped(occurrences: pl.LazyFrame, *skipped: pl.LazyFrame | None) -> pl.LazyFrame:
    """A module's occurrences (conformed) and the counts of those a window left out."""
    parts = [conform(occurrences), *(conform(s) for s in skipped if s is not None)]
    return parts[0] if len(parts) == 1 else pl.concat(parts)


def without_words(occ: pl.LazyFrame) -> pl.LazyFrame:
    """Occurrences without the words only a REASON reads (a marker kept where a rule does not
    apply, which the status reads): far less to copy at national scale."""
    return occ.with_columns(
        WHAT=pl.lit(None, dtype=pl.String),
        BASIS=pl.lit(None, dtype=pl.String),
        NOTE=pl.lit(None, dtype=pl.String),
        LAPSE_WHAT=pl.lit(None, dtype=pl.String),
        NA_REASON=pl.when(pl.col("NA_REASON").is_not_null()).then(pl.lit("n/a")),
    )


def materialise(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Compute a sub-query now, so that several later uses do not each recompute it."""
    return frame.collect(engine=ENGINE).rechunk().lazy()


def by_then(by: str, day: str) -> pl.Expr:
    """One unsigned 64-bit sort key: ``by`` (a child, placement or period code) then ``day``.

    Sorting on it is several times faster than on the two columns, and an as-of join grouped
    by ``by`` on frames sorted this way reads each group's rows together (frames sorted by
    date alone make it jump between groups). A null code or date gives a null key.
    """
    high = pl.col(by).cast(pl.UInt64) * pl.lit(1 << 32, dtype=pl.UInt64)
    return high + (pl.col(day).cast(pl.Int32).cast(pl.Int64) + (1 << 31)).cast(pl.UInt64)


def asof_within(
    left: pl.LazyFrame,
    right: pl.LazyFrame,
    by: str,
    left_on: str,
    right_on: str,
    strategy: Literal["backward", "forward"],
) -> pl.LazyFrame:
    """``left.join_asof(right, left_on=, right_on=, by=, strategy=)`` for frames sorted by
    ``by`` (an integer code) then date (see :func:`by_then`): one merge of the two sorted
    keys packed by :func:`by_then`, a match of another ``by`` dropped, rather than Polars'
    as-of join grouped by ``by`` (which hashes every row's ``by``: several times slower).
    Same columns, in the same order."""
    right_names = [c for c in right.collect_schema().names() if c != by]
    joined = left.with_columns(_K=by_then(by, left_on)).join_asof(
        right.with_columns(_K=by_then(by, right_on), _BY=pl.col(by)).drop(by),
        on="_K",
        strategy=strategy,
        check_sortedness=False,
    )
    mine = pl.col("_BY") == pl.col(by)
    return joined.with_columns(pl.when(mine).then(pl.col(c)).alias(c) for c in right_names).drop(
        "_K", "_BY"
    )


def same_as_previous(*keys: str) -> pl.Expr:
    """True where a row has the same ``keys`` as the row before (frame sorted by the keys).

    Used instead of ``shift().over(keys)``: windows over many small groups are slow.
    """
    same = pl.lit(True)
    for key in keys:
        same = same & (pl.col(key) == pl.col(key).shift(1)).fill_null(False)
    return same


def position_in_run(*keys: str) -> pl.Expr:
    """0, 1, 2... within each run of equal ``keys`` (frame sorted by the keys)."""
    idx = pl.int_range(pl.len(), dtype=pl.Int32)
    first = pl.when(~same_as_previous(*keys)).then(idx)
    return idx - first.forward_fill()


def conform(frame: pl.LazyFrame) -> pl.LazyFrame:
    """Select the occurrence columns, adding missing ones as typed nulls."""
    names = frame.collect_schema().names()
    return frame.select(
        [
            (pl.col(n) if n in names else pl.lit(None)).cast(t).alias(n)
            for n, t in OCCURRENCE_SCHEMA.items()
        ]
    )


def dmy(expr: pl.Expr) -> pl.Expr:
    """A date as the reasons write it: 29/01/2026 (looked up, not formatted one by one: see
    :func:`lookedafter.lib.calendar.date_text`)."""
    written = date_text(expr, "%d/%m/%Y")
    name = expr.meta.output_name(raise_if_undetermined=False)
    return written if name is None else written.alias(name)


def interval_text(days: pl.Expr | None = None, months: pl.Expr | None = None) -> pl.Expr:
    """ "6 weeks", "1 week", "10 days", "3 months" from a day or month count column."""
    if months is not None:
        return (
            pl.when(months == 1).then(pl.lit("1 month")).otherwise(pl.format("{} months", months))
        )
    assert days is not None
    return (
        pl.when(days == 7)
        .then(pl.lit("1 week"))
        .when((days % 7) == 0)
        .then(pl.format("{} weeks", days // 7))
        .when(days == 1)
        .then(pl.lit("1 day"))
        .otherwise(pl.format("{} days", days))
    )


@dataclass
class Context:
    """The dataset as known on ``as_of``, the policy, and frames several rules share."""

    ds: Dataset
    as_of: date
    policy: Policy
    # The window (see :func:`finish`): the rule modules leave out clocks that started too long
    # before it to matter, and count them (:func:`skip_before`) so occurrence numbers stay
    # those of the whole history. Set per rule group while its query is built.
    since: date | None = None
    # Only these children (by code): see :meth:`for_children`.
    only: pl.Series | None = None

    def clock_floor(self, longest_days: int) -> date | None:
        """With ``since``: the earliest clock start whose occurrence can be due in the window,
        for a rule whose longest interval is ``longest_days`` (a week's margin for working
        days and month ends)."""
        if self.since is None:
            return None
        return self.since - timedelta(days=longest_days + 7)

    def working_span(self, working_days: int) -> int:
        """Calendar days that ``working_days`` working days can span at most (weekends, bank
        holidays, the authority's closure days), for :meth:`clock_floor`."""
        return 2 * working_days + 14 + len(self.cal.closure_days)

    def recent_periods(
        self, longest_days: int, rule: str, active: bool = False
    ) -> tuple[pl.LazyFrame, pl.LazyFrame | None]:
        """Periods of care for a rule with one occurrence per period, due at most
        ``longest_days`` after its start: with ``since``, those starting late enough for it to
        fall due in the window (see :func:`skip_before`), and the others counted; ``active``:
        only the children looked after since the window's floor (see :meth:`active`)."""
        floor = self.clock_floor(longest_days)
        periods = self.active(self.periods, floor) if active else self.periods
        return skip_before(periods, "START", floor, pl.lit(rule), sorted_by_child=True)

    def active(self, frame: pl.LazyFrame, floor: date | None) -> pl.LazyFrame:
        """``frame`` (rows keyed by CHILD, its order kept) for only the children looked after on
        or after ``floor`` (every child without a floor). A rule whose clocks start only
        while the child is looked after, and whose occurrences fall due at most as long after
        their clock start as the window's floor lies before the window, owes the others
        nothing in the window: every occurrence of theirs is due before it, and they were not
        looked after since, so no chain of theirs is kept either."""
        if floor is None:
            return frame
        lit = pl.lit(floor, dtype=pl.Date)
        key = f"active/{floor}"
        if key not in self._table_codes:
            self._table_codes[key] = (
                self.periods.filter(pl.col("END").is_null() | (pl.col("END") >= lit))
                .select("CHILD")
                .unique()
                .collect(engine=ENGINE)
                .get_column("CHILD")
            )
        return frame.filter(pl.col("CHILD").is_in(self._table_codes[key].implode()))

    def for_children(self, codes: pl.Series) -> Context:
        """The same inputs for only these children (by code, the codes kept), without a window:
        :func:`finish` evaluates the whole history of the few children a window cannot
        answer for."""
        sub = Context(self.ds, self.as_of, self.policy, only=codes)
        # the same codes, and each table's codes looked up once for both (their rows are then
        # picked by an integer look-up, not by matching the identifier strings again)
        sub.__dict__["child_codes"] = self.child_codes
        sub.__dict__["_table_codes"] = self._table_codes
        return sub

    @property
    def cal(self) -> Calendar:
        return self.policy.calendar

    def working_days_due(self, setting: str) -> dict[str, pl.Expr]:
        """DUE_DATE and STATUTORY_DUE_DATE: ``setting`` working days after the clock start
        (``START``), with the authority's local value and the statutory one."""
        pol = self.policy
        start = pl.col("START")
        return {
            "DUE_DATE": self.cal.add_working_days_expr(start, pol.value(setting) or 0),
            "STATUTORY_DUE_DATE": self.cal.add_working_days_expr(
                start, pol.statutory_value(setting) or 0
            ),
        }

    @cached_property
    def child_codes(self) -> pl.DataFrame:
        """Every child identifier in the tables the rules read, numbered in sorted order.

        The rules join, sort and match on these integer codes rather than on the identifier
        strings (several times faster at national scale); :func:`finish` puts the strings back.
        """
        # each table's distinct children first (far fewer rows to combine)
        names = [
            runs[0] if (runs := self._runs(t)) else self.ds[t].get_column("CHILD").unique()
            for t in CHILD_TABLES
            if t in self.ds
        ]
        if not names:
            return pl.DataFrame(schema={"CODE": pl.UInt32, "CHILD": pl.String})
        return (
            pl.concat(names)
            .drop_nulls()
            .unique()
            .sort()
            .to_frame("CHILD")
            .with_row_index("CODE")
            .select(pl.col("CODE").cast(pl.UInt32), "CHILD")
        )

    @cached_property
    def _table_codes(self) -> dict[str, pl.Series]:
        return {}

    @cached_property
    def _table_runs(self) -> dict[str, tuple[pl.Series, pl.Series] | None]:
        return {}

    def _runs(self, name: str) -> tuple[pl.Series, pl.Series] | None:
        """When a table's rows are sorted by child (as exports usually are): its distinct
        child identifiers and each row's run of equal identifiers (the position of its
        identifier among the distinct ones), found by comparing neighbours rather than
        hashing every identifier. None for a table not so sorted."""
        if name not in self._table_runs:
            column = self.ds[name].get_column("CHILD")
            found = None
            if column.is_sorted():
                first = (column != column.shift(1)).fill_null(True)  # a null is a run of its own
                runs = (first.cast(pl.UInt32).cum_sum() - 1).alias("RUN")
                found = (column.filter(first), runs)
            self._table_runs[name] = found
        return self._table_runs[name]

    def table(self, name: str) -> pl.LazyFrame:
        """A table as a LazyFrame, with CHILD replaced by the child's integer code (looked up
        once per table however many rules read it)."""
        frame = self.ds[name]
        if "CHILD" not in frame.columns:
            return frame.lazy()
        if name not in self._table_codes:
            sorted_runs = self._runs(name)
            if sorted_runs is None:
                self._table_codes[name] = (
                    frame.select("CHILD")
                    .join(self.child_codes, on="CHILD", how="left", maintain_order="left")
                    .get_column("CODE")
                )
            else:  # the codes of the distinct identifiers (both sorted), spread over the runs
                distinct, runs = sorted_runs
                names = self.child_codes.get_column("CHILD")
                if names.len():
                    at = names.search_sorted(distinct).cast(pl.UInt32).clip(0, names.len() - 1)
                    found = names.gather(at) == distinct  # else not in a coded table: null
                    codes = pl.select(pl.when(found).then(at)).to_series()
                else:
                    codes = pl.Series(values=[None] * distinct.len(), dtype=pl.UInt32)
                self._table_codes[name] = codes.gather(runs).alias("CODE")
        coded = frame.lazy().with_columns(self._table_codes[name].alias("CHILD"))
        if self.only is not None:
            # the few children's rows, picked once and in one chunk: read as the many small
            # chunks the filter leaves, V7's query made Polars 2.1 panic ("assertion failed:
            # i < self.len()") for some sets of children
            if name not in self._only_tables:
                picked = coded.filter(pl.col("CHILD").is_in(self.only.implode()))
                self._only_tables[name] = picked.collect(engine=ENGINE).rechunk()
            return self._only_tables[name].lazy()
        return coded

    @cached_property
    def _only_tables(self) -> dict[str, pl.DataFrame]:
        return {}

    def lit_as_of(self) -> pl.Expr:
        return pl.lit(self.as_of, dtype=pl.Date)

    # ---- episodes, periods of care, placements ----------------------------------------------
    @cached_property
    def episodes(self) -> pl.LazyFrame:
        """Episodes started by ``as_of``; an end after ``as_of`` is not yet known (open).

        Adds PERIOD (period of care number per child) and PLACEMENT (placement number per
        child): a new placement starts with a new period or a change of carer (RNE P or B); a
        change of placement with the same carers (T, U) or of legal status only (L) continues it,
        and a temporary move (T0-T4) does not start a placement of its own.
        """
        as_of = self.lit_as_of()
        ep = (
            self.table("Episodes")
            .select(EPISODE_COLUMNS)  # the rest is copied by the sort for nothing
            .filter(pl.col("DECOM").is_not_null() & (pl.col("DECOM") <= as_of))
            .with_columns(
                DEC=pl.when(pl.col("DEC") > as_of).then(None).otherwise(pl.col("DEC")),
            )
            .sort(by_then("CHILD", "DECOM"))
        )
        # rows are sorted by child, so "the previous row, if it is the same child's" needs no
        # window; PERIOD and PLACEMENT are running numbers over all children (unique per child)
        prev_dec = pl.when(same_as_previous("CHILD")).then(pl.col("DEC").shift(1))
        new_period = prev_dec.is_null() | (prev_dec != pl.col("DECOM")) | (pl.col("RNE") == "S")
        new_placement = new_period | (
            pl.col("RNE").is_in(["P", "B"]) & ~pl.col("PLACE").is_in(TEMPORARY_PLACE)
        )
        # flagged sorted (running totals): grouped by them, their rows are read run by run
        return (
            ep.with_columns(
                PERIOD=new_period.cast(pl.Int32).cum_sum().set_sorted(),
                PLACEMENT=new_placement.cast(pl.Int32).cum_sum().set_sorted(),
            )
            .collect(engine=ENGINE)
            .lazy()
        )

    @cached_property
    def periods(self) -> pl.LazyFrame:
        """One row per period of care: START, END (null while open), first/last legal status,
        reason ceased, SHORT_BREAK (every episode under LS V3/V4), PREV_END, DOB."""
        # PERIOD alone keys a period (numbers run over all children, one child each)
        periods = (
            self.episodes.group_by(pl.col("PERIOD").set_sorted())
            .agg(
                CHILD=pl.col("CHILD").first(),
                START=pl.col("DECOM").first(),
                END=pl.col("DEC").last(),
                LS_FIRST=pl.col("LS").first(),
                LS_LAST=pl.col("LS").last(),
                REC_LAST=pl.col("REC").last(),
                SHORT_BREAK=pl.col("LS").is_in(SHORT_BREAK_LS).all(),
            )
            .select("CHILD", pl.exclude("CHILD"))
            .sort(by_then("CHILD", "START"))
            .with_columns(PREV_END=pl.when(same_as_previous("CHILD")).then(pl.col("END").shift(1)))
        )
        return periods.join(self.dob, on="CHILD", how="left").collect(engine=ENGINE).lazy()

    @cached_property
    def dob(self) -> pl.LazyFrame:
        return (
            self.table("Header")
            .select("CHILD", "DOB")
            .filter(pl.col("DOB").is_not_null())
            .unique("CHILD", keep="first")
        )

    @cached_property
    def placements(self) -> pl.LazyFrame:
        """One row per placement: P_START, P_END (null while open), first PLACE, PERIOD."""
        return (
            self.episodes.group_by(pl.col("PLACEMENT").set_sorted())  # as PERIOD in periods
            .agg(
                CHILD=pl.col("CHILD").first(),
                PERIOD=pl.col("PERIOD").first(),
                P_START=pl.col("DECOM").first(),
                P_END=pl.col("DEC").last(),
                PLACE_FIRST=pl.col("PLACE").first(),
            )
            .select("CHILD", pl.exclude("CHILD"))
            .sort(by_then("CHILD", "P_START"))
            .collect(engine=ENGINE)
            .lazy()
        )

    @cached_property
    def reviews(self) -> pl.LazyFrame:
        """Reviews held by ``as_of``, each assigned to the period of care it falls in."""
        rev = (
            self.table("Reviews")
            .filter(pl.col("REVIEW").is_not_null() & (pl.col("REVIEW") <= self.lit_as_of()))
            .select("CHILD", "REVIEW")
            .sort(by_then("CHILD", "REVIEW"))
            .filter(~same_as_previous("CHILD", "REVIEW"))  # one a day, without hashing
        )
        per = self.periods.select("CHILD", "PERIOD", "START", "END").sort(by_then("CHILD", "START"))
        return (
            asof_within(rev, per, "CHILD", "REVIEW", "START", "backward")
            .filter(
                pl.col("PERIOD").is_not_null()
                & (pl.col("END").is_null() | (pl.col("REVIEW") <= pl.col("END")))
            )
            .select("CHILD", "PERIOD", "REVIEW")  # still sorted by child and date
            .collect(engine=ENGINE)
            .lazy()
        )

    @cached_property
    def allocations(self) -> pl.LazyFrame:
        """Allocated social workers (CHILD, ALLOC_START, ALLOC_END, WORKER_ID, TEAM_ID)."""
        workers = self.table("Workers").select("WORKER_ID", "TEAM_ID").unique("WORKER_ID")
        return (
            self.table("Allocations")
            .filter((pl.col("ALLOC_ROLE") == "SW") & pl.col("ALLOC_START").is_not_null())
            .select("CHILD", "WORKER_ID", "ALLOC_START", "ALLOC_END")
            .join(workers, on="WORKER_ID", how="left")
            .sort("CHILD", "ALLOC_START")
        )


def first_on_or_after(
    left: pl.LazyFrame,
    key: str,
    events: pl.LazyFrame,
    event_date: str,
    by: str | list[str],
    alias: str,
) -> pl.LazyFrame:
    """Join to each ``left`` row the first event (by ``by``) dated on or after ``left[key]``."""
    right = events.select([*([by] if isinstance(by, str) else by), pl.col(event_date).alias(alias)])
    right = right.unique().sort(alias)
    return left.sort(key).join_asof(
        right, left_on=key, right_on=alias, by=by, strategy="forward", check_sortedness=False
    )


def attach_workers(ctx: Context, occ: pl.DataFrame) -> pl.DataFrame:
    """The child's allocated social worker (and team) on the due date, or on ``as_of`` if
    earlier (allocations after the reference date are not known).

    The rows of ``occ`` keep their order and gain WORKER_ID and TEAM_ID. Child and date are
    packed into one integer key so that the look-up is a binary search in the allocations'
    sorted keys (a look-up grouped by child is several times slower at national scale, and
    sorting the rows for an as-of merge and back costs more than the search).
    """
    as_of = ctx.lit_as_of()
    on = pl.min_horizontal(pl.coalesce("DUE_DATE", "CLOCK_START", as_of), as_of)
    left = occ.select("CHILD", "TEAM_HINT", ALLOC_ON=on).with_row_index("IDX")
    alloc = ctx.allocations.rename({"TEAM_ID": "ALLOC_TEAM"}).collect(engine=ENGINE)
    days = pl.concat([left.get_column("ALLOC_ON"), alloc.get_column("ALLOC_START")]).cast(pl.Int32)
    low, high = days.min(), days.max()
    tops = [left.get_column("CHILD").max(), alloc.get_column("CHILD").max()]
    top = max((int(t) for t in tops if isinstance(t, int)), default=0)
    low_day = int(low) if isinstance(low, int) else 0
    bits_day = (int(high) - low_day + 1 if isinstance(high, int) else 1).bit_length()
    if (top + 1).bit_length() + bits_day <= 63:

        def key(child: str, day: str) -> pl.Expr:
            return pl.col(child).cast(pl.UInt64) * pl.lit(1 << bits_day, dtype=pl.UInt64) + (
                pl.col(day).cast(pl.Int32) - low_day
            ).cast(pl.UInt64)

        right = (
            alloc.lazy()
            .filter(pl.col("CHILD").is_not_null())
            .select(
                "WORKER_ID",
                "ALLOC_END",
                "ALLOC_TEAM",
                A_CHILD="CHILD",
                K=key("CHILD", "ALLOC_START"),
            )
            .sort("K", maintain_order=True)
            .collect(engine=ENGINE)
        )
        # each row's allocation is the last whose key is not after the row's (a backward as-of
        # match): found by a binary search in the sorted keys, so the rows need no sorting
        at = right.get_column("K").search_sorted(
            left.select(key("CHILD", "ALLOC_ON")).to_series(), side="right"
        )
        match = pl.select(pl.when(pl.lit(at) > 0).then(pl.lit(at) - 1)).to_series()
        matched = right.drop("K").select(pl.all().gather(match))
        found = pl.concat([left, matched], how="horizontal").lazy()
        mine = pl.col("A_CHILD") == pl.col("CHILD")  # the match is this child's allocation
    else:  # dates too far apart to pack: look up by child
        found = (
            left.lazy()
            .sort("ALLOC_ON")
            .join_asof(
                alloc.lazy(),
                left_on="ALLOC_ON",
                right_on="ALLOC_START",
                by="CHILD",
                strategy="backward",
                check_sortedness=False,
            )
            .sort("IDX")
        )
        mine = pl.lit(True)
    current = mine & (pl.col("ALLOC_END").is_null() | (pl.col("ALLOC_END") >= pl.col("ALLOC_ON")))
    workers = found.select(
        WORKER_ID=pl.when(current).then("WORKER_ID"),
        TEAM_ID=pl.coalesce(pl.when(current).then("ALLOC_TEAM"), "TEAM_HINT"),
    ).collect(engine=ENGINE)
    return occ.hstack(workers.get_columns())


def final_order(frame: pl.DataFrame) -> pl.Series:
    """Row indices putting ``frame`` in the engine's order: CHILD (code), RULE, CLOCK_START,
    DUE_DATE, nulls last, ties in their present order.

    The four keys are packed into one unsigned 64-bit integer when they fit (they always do
    for real data: dates within a few centuries), which sorts several times faster than the
    four columns; otherwise the columns are sorted as they are.
    """
    rule_type = frame.schema["RULE"]
    if not isinstance(rule_type, pl.Enum):
        rule_type = rule_enum(frame.get_column("RULE"))
    rules = rule_type.categories  # in sorted order (see rule_enum)
    rule = pl.col("RULE").cast(rule_type).to_physical().cast(pl.UInt64)
    keys = frame.select(
        CHILD=pl.col("CHILD").cast(pl.UInt64),
        RULE=rule,
        CLOCK_START=pl.col("CLOCK_START").cast(pl.Int32),
        DUE_DATE=pl.col("DUE_DATE").cast(pl.Int32),
    )
    if frame.height == 0:
        return pl.Series("IDX", [], dtype=pl.UInt32)
    dates = pl.concat([keys.get_column("CLOCK_START"), keys.get_column("DUE_DATE")])
    low = dates.min()
    low_day = int(low) if isinstance(low, int) else 0
    high = dates.max()
    span = int(high) - low_day + 1 if isinstance(high, int) else 0
    top = keys.get_column("CHILD").max()
    child_null = int(top) + 1 if isinstance(top, int) else 0
    bits_rule = (len(rules) + 1).bit_length()
    bits_day = (span + 1).bit_length()
    if child_null.bit_length() + bits_rule + 2 * bits_day > 63:
        return keys.select(
            pl.arg_sort_by(pl.all(), nulls_last=True, maintain_order=True).alias("IDX")
        ).get_column("IDX")

    def shift(expr: pl.Expr, bits: int) -> pl.Expr:
        return expr * pl.lit(1 << bits, dtype=pl.UInt64)

    def day(name: str) -> pl.Expr:  # days from the earliest date; null after every date
        return (pl.col(name) - low_day).cast(pl.UInt64).fill_null(span)

    packed = (
        shift(pl.col("CHILD").fill_null(child_null), bits_rule + 2 * bits_day)
        + shift(pl.col("RULE").fill_null(len(rules)), 2 * bits_day)
        + shift(day("CLOCK_START"), bits_day)
        + day("DUE_DATE")
    )
    return keys.select(pl.arg_sort_by(packed, maintain_order=True).alias("IDX")).get_column("IDX")


def _reason(part: pl.LazyFrame, status: str, lapsed: bool, as_of: date) -> pl.LazyFrame:
    """REASON for rows of one status: only the words that status needs are built."""
    if status == "not_applicable":
        why = pl.concat_str(
            pl.lit("not needed: "),
            pl.col("LAPSE_WHAT").fill_null("the duty ended"),
            pl.lit(" on "),
            dmy(pl.col("LAPSE_DATE")),
            pl.lit(" before it was due"),
        )
        return part.with_columns(
            REASON=pl.concat_str(pl.col("WHAT"), pl.lit(": "), pl.coalesce("NA_REASON", why))
        )
    due = pl.col("DUE_DATE")
    due_text = pl.coalesce(pl.col("DUE_AT").dt.strftime("%H:%M on %d/%m/%Y"), dmy(due))
    stat = pl.col("STATUTORY_DUE_DATE")
    stat_text = pl.concat_str(
        pl.lit("; statutory deadline "), pl.when(stat.is_not_null() & (stat != due)).then(dmy(stat))
    ).fill_null("")
    head = pl.concat_str(
        pl.col("WHAT"),
        pl.lit(" due by "),
        due_text,
        pl.lit(" ("),
        pl.col("BASIS").fill_null(""),
        stat_text,
        pl.lit("); "),
    )
    done_text = pl.coalesce(
        pl.col("DONE_AT").dt.strftime("at %H:%M on %d/%m/%Y"),
        pl.concat_str(pl.lit("on "), dmy(pl.col("DONE_DATE"))),
    )
    days_to_due = (due - pl.lit(as_of, dtype=pl.Date)).dt.total_days()

    def days(n: pl.Expr) -> pl.Expr:
        return (
            pl.when(n == 1)
            .then(pl.lit("1 day"))
            .otherwise(pl.concat_str(n.cast(pl.String), pl.lit(" days")))
        )

    if status == "on_time":
        tail = pl.concat_str(pl.lit("done "), done_text)
    elif status == "late":
        minutes = (pl.col("DONE_AT") - pl.col("DUE_AT")).dt.total_minutes()
        clock = (
            pl.when(minutes == 1)
            .then(pl.lit("1 minute"))
            .when(minutes < 120)
            .then(pl.concat_str(minutes.cast(pl.String), pl.lit(" minutes")))
            .otherwise(pl.concat_str((minutes / 60).round(1).cast(pl.String), pl.lit(" hours")))
        )
        late = pl.coalesce(clock, days((pl.col("DONE_DATE") - due).dt.total_days()))
        tail = pl.concat_str(pl.lit("done "), done_text, pl.lit(": "), late, pl.lit(" late"))
    elif status == "overdue" and lapsed:
        tail = pl.concat_str(
            pl.lit("not done: missed before "),
            pl.col("LAPSE_WHAT").fill_null("the duty ended"),
            pl.lit(" on "),
            dmy(pl.col("LAPSE_DATE")),
        )
    elif status == "overdue":
        tail = pl.concat_str(pl.lit("not done: "), days(-days_to_due), pl.lit(" overdue"))
    elif status == "due_soon":
        tail = (
            pl.when(days_to_due == 0)
            .then(pl.lit("not done yet: due today"))
            .when(days_to_due == 1)
            .then(pl.lit("not done yet: due tomorrow"))
            .otherwise(
                pl.concat_str(
                    pl.lit("not done yet: due in "), days_to_due.cast(pl.String), pl.lit(" days")
                )
            )
        )
    else:
        tail = pl.lit("not yet due")
    note = pl.concat_str(pl.lit(" ("), pl.col("NOTE"), pl.lit(")")).fill_null("")
    return part.with_columns(REASON=pl.concat_str(head, tail, note))


def status_of(ctx: Context) -> pl.Expr:
    """STATUS of an occurrence on the reference date (see :func:`finish`)."""
    as_of = ctx.lit_as_of()
    soon = ctx.policy.value("due_soon_days") or 0
    done = pl.col("DONE_DATE")
    due = pl.col("DUE_DATE")
    late = (
        pl.when(pl.col("DUE_AT").is_not_null() & pl.col("DONE_AT").is_not_null())
        .then(pl.col("DONE_AT") > pl.col("DUE_AT"))
        .otherwise(done > due)
    )
    lapsed = pl.col("LAPSE_DATE").is_not_null() & (pl.col("LAPSE_DATE") < due)
    days_to_due = (due - as_of).dt.total_days()
    return (
        pl.when(pl.col("NA_REASON").is_not_null() | due.is_null())
        .then(pl.lit("not_applicable"))
        .when(done.is_not_null())
        .then(pl.when(late).then(pl.lit("late")).otherwise(pl.lit("on_time")))
        .when(lapsed)
        .then(pl.lit("not_applicable"))
        .when(days_to_due < 0)
        .then(pl.lit("overdue"))
        .when(days_to_due <= soon)
        .then(pl.lit("due_soon"))
        .otherwise(pl.lit("not_yet_due"))
        .cast(STATUS_ENUM)  # one byte a row until the end (filters and gathers copy less)
    )


# The columns :func:`finish` reads when it builds no reasons (see :func:`prepare`).
PLAIN_COLUMNS = (
    "CHILD",
    "RULE",
    "CLOCK_START",
    "DUE_DATE",
    "STATUTORY_DUE_DATE",
    "DONE_DATE",
    "STATUS",
    "TEAM_HINT",
    "SKIPPED",
)


def rule_enum(rules: pl.Series | list[str] | tuple[str, ...]) -> pl.Enum:
    """An Enum of the rule IDs in sorted order: its codes sort and compare as the IDs do, and
    look-ups per rule are gathers by code rather than string matches."""
    return pl.Enum(sorted(set(pl.Series(rules, dtype=pl.String).drop_nulls().to_list())))


def prepare(
    ctx: Context,
    occ: pl.LazyFrame,
    reasons: bool,
    keep_lapse: bool,
    rule_type: pl.Enum | None = None,
) -> pl.LazyFrame:
    """A rule group's occurrences as :func:`finish` reads them: with STATUS and, without
    reasons, only the columns it then reads (far fewer to copy, gather and concatenate at
    national scale); RULE coded as ``rule_type`` when given (see :func:`rule_enum`)."""
    names = occ.collect_schema().names()
    if "STATUS" not in names:
        if not reasons:  # the reasons' words are never built
            occ = without_words(occ)
        occ = occ.with_columns(STATUS=status_of(ctx))
        names.append("STATUS")
    if rule_type is not None:
        occ = occ.with_columns(pl.col("RULE").cast(rule_type))
    if not reasons:
        wanted = PLAIN_COLUMNS + (("LAPSE_DATE",) if keep_lapse else ())
        occ = occ.select([c for c in names if c in wanted])
    return occ


def finish(
    ctx: Context,
    occ: pl.LazyFrame,
    keep_lapse: bool = False,
    reasons: bool = True,
    windows: dict[str, date] | None = None,
    refill: Callable[[pl.Series], pl.LazyFrame] | None = None,
) -> pl.LazyFrame:
    """Add STATUS, REASON, WORKER_ID, TEAM_ID and OCCURRENCE; select the output columns.

    ``keep_lapse`` also keeps LAPSE_DATE (the placement or care ended on it, so an overdue item
    can no longer be done): the ``due`` command uses it to list only what can still be done.
    ``reasons=False`` leaves REASON empty (null), which is much faster at national scale.

    ``windows`` (rule -> first date of its window, see :func:`lookedafter.timescales.evaluate`)
    keeps, of those rules, only the occurrences due (with no due date: started) on or after that
    date, those of :data:`DONE_WINDOW_RULES` done on or after it, and, for the children looked
    after on or after it, each chain's latest applicable occurrence due before it. ``occ`` then
    holds the occurrences the modules computed (their clocks started late enough) and rows
    counting those they left out
    (SKIPPED); ``refill`` gives the whole history of the children whose latest occurrence of
    a chain may be among those left out (see :func:`_whole_chains`).
    """
    # one chunk: gathering from the many chunks of a concatenation is several times slower
    frame = prepare(ctx, occ, reasons, keep_lapse).collect(engine=ENGINE).rechunk()
    if frame.schema["RULE"] == pl.String:  # the rule groups may have coded it already
        frame = frame.with_columns(pl.col("RULE").cast(rule_enum(frame.get_column("RULE"))))
    rule_type = frame.schema["RULE"]

    def prep(part: pl.LazyFrame) -> pl.LazyFrame:
        return prepare(ctx, part, reasons, keep_lapse).with_columns(pl.col("RULE").cast(rule_type))

    # The rows' order, numbers and window are worked out on these few columns (_SRC: the row
    # of ``frame``); the wide rows are then gathered once, in order.
    keys = frame.select(*KEY_COLUMNS, *(["SKIPPED"] if windows else [])).with_row_index("_SRC")
    skipped = None
    if windows:
        frame, keys, skipped = _whole_chains(ctx, frame, keys, windows, refill, prep)
    keys = keys[final_order(keys)]
    number = position_in_run("CHILD", "RULE") + 1
    if skipped is not None and skipped.height:
        # one integer key per child and rule: a join on it is far cheaper than on both columns
        key = _child_rule_key(rule_type)
        counts = skipped.select(key, "SKIPPED")
        keys = keys.with_columns(key).join(counts, on="_CR", how="left", maintain_order="left")
        number = number + pl.col("SKIPPED").fill_null(0).cast(pl.Int32)
    keys = keys.with_columns(OCCURRENCE=number)
    if windows:
        keys = keys.filter(_in_window(ctx, keys, windows))
    frame = frame.drop("SKIPPED", strict=False)[keys.get_column("_SRC")].with_columns(
        keys.get_column("OCCURRENCE")
    )
    if reasons:
        frame = frame.with_columns(REASON=_reasons(frame, ctx.as_of))
    else:
        frame = frame.with_columns(REASON=pl.lit(None, dtype=pl.String))
    frame = attach_workers(ctx, frame)
    # CODE is the position of the child's identifier in child_codes: decoded by a gather
    names = ctx.child_codes.get_column("CHILD")
    frame = frame.with_columns(CHILD=names.gather(frame.get_column("CHILD")))
    return frame.lazy().select(
        [pl.col(n).cast(t) for n, t in OUTPUT_SCHEMA.items()]
        + ([pl.col("LAPSE_DATE")] if keep_lapse else [])
    )


# The columns that order, number and window the occurrences (see :func:`finish`).
KEY_COLUMNS = ("CHILD", "RULE", "CLOCK_START", "DUE_DATE", "DONE_DATE", "STATUS")


def _child_rule_key(rule_type: pl.DataType) -> pl.Expr:
    """One unsigned 64-bit integer per child and rule (RULE an Enum of ``rule_type``)."""
    assert isinstance(rule_type, pl.Enum)
    width = len(rule_type.categories).bit_length()
    rule = pl.col("RULE").to_physical().cast(pl.UInt64)
    return (pl.col("CHILD").cast(pl.UInt64) * pl.lit(1 << width, dtype=pl.UInt64) + rule).alias(
        "_CR"
    )


def _per_rule(rule_type: pl.Enum, values: Mapping[str, object], dtype: pl.DataType) -> pl.Expr:
    """``values[RULE]`` for each row (null for a rule not in ``values``): a gather by the
    rule's code (RULE is an Enum of ``rule_type``), not a match of strings."""
    table = pl.Series([values.get(r) for r in rule_type.categories], dtype=dtype)
    return pl.lit(table).gather(pl.col("RULE").to_physical())


def _window_start(windows: dict[str, date], rule_type: pl.Enum) -> pl.Expr:
    """The first date of each row's window (null for a rule without one)."""
    return _per_rule(rule_type, windows, pl.Date())


def _chain_key(windows: dict[str, date], rule_type: pl.Enum) -> pl.Expr:
    """One integer per child and chain (null for a rule without a window): groups and joins
    on it are far cheaper than on the child and the chain's name."""
    names = sorted({CHAINS.get(r, r) for r in windows})
    ids = {r: names.index(CHAINS.get(r, r)) for r in windows}
    width = len(names).bit_length()
    chain = _per_rule(rule_type, ids, pl.UInt64())
    return pl.col("CHILD").cast(pl.UInt64) * pl.lit(1 << width, dtype=pl.UInt64) + chain


def _chain_order() -> pl.Expr:
    """Orders a chain's occurrences: by clock start, then due date."""
    return pl.col("CLOCK_START").cast(pl.Int64) * 1_000_000 + pl.col("DUE_DATE").cast(pl.Int64)


def _candidates(frame: pl.DataFrame, windows: dict[str, date]) -> pl.DataFrame:
    """``_ROW, CHILD, _KEY, _ORDER, _START`` of the applicable occurrences due before their
    window (which starts on _START): those that can be their chain's latest before it."""
    rule_type = frame.schema["RULE"]
    assert isinstance(rule_type, pl.Enum)
    return (
        frame.lazy()
        .with_row_index("_ROW")
        .filter(
            (pl.col("DUE_DATE") < _window_start(windows, rule_type))
            & (pl.col("STATUS") != "not_applicable")
        )
        .select(
            "_ROW",
            "CHILD",
            _KEY=_chain_key(windows, rule_type),
            _ORDER=_chain_order(),
            _START=_window_start(windows, rule_type),
        )
        .collect(engine=ENGINE)
    )


def _last_day(ctx: Context) -> pl.LazyFrame:
    """``CHILD, LAST``: the last day each child was looked after (``as_of`` while in care)."""
    return ctx.periods.group_by("CHILD").agg(LAST=pl.coalesce("END", ctx.lit_as_of()).max())


def _in_window(ctx: Context, frame: pl.DataFrame, windows: dict[str, date]) -> pl.Series:
    """Which rows of ``frame`` the windows keep (see :func:`finish`)."""
    rule_type = frame.schema["RULE"]
    assert isinstance(rule_type, pl.Enum)
    start = _window_start(windows, rule_type)
    done_rule = _per_rule(rule_type, dict.fromkeys(DONE_WINDOW_RULES, True), pl.Boolean())
    by_done = done_rule.fill_null(False) & (pl.col("DONE_DATE") >= start)
    keep = frame.select(
        (
            start.is_null()
            | (pl.col("DUE_DATE") >= start)
            | by_done
            | (pl.col("DUE_DATE").is_null() & (pl.col("CLOCK_START") >= start))
        ).fill_null(False)
    ).to_series()
    # each chain's latest before the window (ties all), for children looked after since then
    cand = _candidates(frame, windows)
    # In the engine's order each child's chains follow one another (a chain's rules sort
    # together), so the chain keys come sorted: flagged so, the latest per chain is found
    # run by run rather than by hashing (sorted here if the rules ever break that).
    if cand.get_column("_KEY").is_sorted():
        cand = cand.with_columns(pl.col("_KEY").set_sorted())
    else:
        cand = cand.sort("_KEY")
    latest = (
        cand.lazy()
        .filter(pl.col("_ORDER") == pl.col("_ORDER").max().over("_KEY"))
        .join(_last_day(ctx), on="CHILD", how="left")
        .filter(pl.col("LAST") >= pl.col("_START"))
        .select("_ROW")
        .collect(engine=ENGINE)
        .to_series()
    )
    return keep.scatter(latest, True)


def _whole_chains(
    ctx: Context,
    frame: pl.DataFrame,
    keys: pl.DataFrame,
    windows: dict[str, date],
    refill: Callable[[pl.Series], pl.LazyFrame] | None,
    prep: Callable[[pl.LazyFrame], pl.LazyFrame],
) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    """The computed occurrences (``frame``, and their ``keys`` with the rows standing for
    those left out taken away), with the whole history of the children whose latest
    occurrence of a chain due before the window may be among those left out (the chain has
    some left out and none computed that is applicable and due before the window) added to
    both (``prep`` makes the added rows' columns those of ``frame``); and the counts of those
    left out per child and rule."""
    rule_type = keys.schema["RULE"]
    assert isinstance(rule_type, pl.Enum)
    stub = pl.col("SKIPPED").is_not_null()
    skipped = keys.filter(stub).select("CHILD", "RULE", "SKIPPED")
    keys = keys.filter(~stub).drop("SKIPPED")
    if skipped.height == 0:
        return frame, keys, skipped
    found = _candidates(keys, windows).get_column("_KEY")
    need = (
        skipped.lazy()
        .select(
            "CHILD", _KEY=_chain_key(windows, rule_type), _START=_window_start(windows, rule_type)
        )
        .filter(~pl.col("_KEY").is_in(found.implode()))  # far cheaper than an anti-join here
        .join(_last_day(ctx), on="CHILD", how="inner")
        .filter(pl.col("LAST") >= pl.col("_START"))  # looked after on or after the window
        .select("CHILD")
        .unique()
        .collect(engine=ENGINE)
        .get_column("CHILD")
    )
    if need.len() and refill is not None:
        whole = prep(refill(need)).collect(engine=ENGINE)
        mine = pl.col("CHILD").is_in(need.implode())
        added = whole.select(*KEY_COLUMNS).with_row_index("_SRC", offset=frame.height)
        keys = pl.concat([keys.filter(~mine), added])
        frame = pl.concat([frame, whole.select(frame.columns)]).rechunk()
        skipped = skipped.filter(~mine)
    skipped = skipped.group_by(_child_rule_key(rule_type)).agg(
        pl.col("CHILD").first(), pl.col("RULE").first(), pl.col("SKIPPED").sum()
    )
    return frame, keys, skipped.select("CHILD", "RULE", "SKIPPED")


def _reasons(frame: pl.DataFrame, as_of: date) -> pl.Series:
    """REASON for every row of ``frame`` (which has STATUS), in its order: each status's
    words are built only for that status's rows."""
    has_lapse = pl.col("LAPSE_DATE").is_not_null()
    rows = frame.lazy().with_row_index("IDX")
    parts = []
    for name in STATUSES:
        part = rows.filter(pl.col("STATUS") == name)
        if name == "overdue":
            parts.append(_reason(part.filter(has_lapse), name, True, as_of))
            parts.append(_reason(part.filter(~has_lapse), name, False, as_of))
        else:
            parts.append(_reason(part, name, False, as_of))
    words = pl.concat([p.select("IDX", "REASON") for p in parts]).sort("IDX")
    return words.collect(engine=ENGINE).get_column("REASON")
