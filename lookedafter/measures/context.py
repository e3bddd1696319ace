"""What a measure's function is given: the dataset as lazy frames, the reference date, the window,
local settings, the calendar, and shared derived frames (periods of care, placements, the child's
situation at the reference date, the timescale engine's output).

Measures read their reference date from ``ctx.as_of``. The month trend of a snapshot measure
("children overdue a visit now") re-runs its function on ``ctx.at(month_end)``, which shares the
expensive date-independent frames (distances, the timescale engine's output) with the original;
frames that depend on the date (children in care, each child's current duty) are built for every
date of the run in one pass (``ctx.dates()``) and each context reads its own date's rows.
"""

from __future__ import annotations

import calendar as _cal
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import polars as pl

from lookedafter.lib.calendar import DEFAULT, Calendar, add_months, age_expr
from lookedafter.measures.registry import ENGINE
from lookedafter.schema import Dataset

if TYPE_CHECKING:
    from lookedafter.timescales import Policy

# Codes of the 903 "reason for new episode" (RNE) that start a new placement, and a new carer.
# A temporary placement (PLACE T0-T4: holiday, hospital, respite...) starts neither.
NEW_PLACEMENT_RNE = ("S", "P", "T", "B", "U")
NEW_CARER_RNE = ("S", "P", "B")
TEMPORARY_PLACE = ("T0", "T1", "T2", "T3", "T4")
# Roles that are registered social work posts (the DfE workforce census counts these).
SOCIAL_WORK_ROLES = ("SW", "TM", "SM", "HOS", "IRO")
TIMESCALE_MONTHS = 13  # the measures' window (12 months and the month trend) and a month to spare
ADOPTION_MONTHS = 36  # the adoption scorecard's 3 years
# Below this many episodes the timescale engine's fixed costs outweigh what a window saves.
WINDOW_FROM_EPISODES = 50_000
AGE_BANDS = ("Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over")


class TimescalesUnavailable(RuntimeError):
    """The timescale engine is not installed or could not evaluate this dataset."""


@dataclass(frozen=True, slots=True)
class Settings:
    """Local standards the measures use where statute sets none (each a setting, not a fact)."""

    supervision_months: int = 1  # each case-holding worker supervised at least this often
    oversight_months: int = 3  # management oversight recorded on each child at least this often
    drift_months: int = 6  # no permanence decision this long after coming into care = drift
    caseload_limit: float = 18.0  # children per case-holding FTE above which a caseload is high
    document_update_working_days: int = 20  # chronology + assessment updated after a move
    repeat_missing_episodes: int = 3  # missing this many times in 12 months = repeat missing
    la_district: str | None = None  # ONS district code(s) of the authority, ';'-separated;
    # None: the district where most children's home postcodes lie


@dataclass
class _Shared:
    cache: dict[str, Any] = field(default_factory=dict)


class Context:
    """Inputs for one reference date. Build with :func:`Context` and derive others with ``at``."""

    def __init__(
        self,
        ds: Dataset,
        as_of: date,
        *,
        policy: Policy | None = None,
        settings: Settings | None = None,
        calendar: Calendar | None = None,
        timescales: pl.DataFrame | None = None,
        reasons: bool = True,
        _shared: _Shared | None = None,
    ) -> None:
        self.ds = ds
        self.reasons = reasons
        self.as_of = as_of
        self.policy = policy
        self.settings = settings or Settings()
        self.calendar = calendar or DEFAULT
        self._shared = _shared or _Shared()
        if timescales is not None:
            for key in [k for k in self._shared.cache if k.startswith("timescales")]:
                del self._shared.cache[key]
            self._shared.cache["timescales"] = timescales.lazy()
        self._cache: dict[str, pl.LazyFrame] = {}

    # ---- dates -------------------------------------------------------------------------------
    @property
    def window_start(self) -> date:
        """Rows dated after this and on or before ``as_of`` fall in the 12-month window."""
        return add_months(self.as_of, -12)

    def in_window(self, col: str | pl.Expr, months: int = 12) -> pl.Expr:
        expr = pl.col(col) if isinstance(col, str) else col
        return (expr > pl.lit(add_months(self.as_of, -months))) & (expr <= pl.lit(self.as_of))

    def at(self, day: date) -> Context:
        """The same inputs at another reference date (shares date-independent frames)."""
        return Context(
            self.ds,
            day,
            policy=self.policy,
            settings=self.settings,
            calendar=self.calendar,
            reasons=self.reasons,
            _shared=self._shared,
        )

    def dates(self) -> list[date]:
        """Every reference date this run evaluates (``as_of`` and, for a month trend, the month
        ends): frames that depend on the date can be built for all of them in one pass."""
        shared: list[date] = self._shared.cache.get("dates", [])
        return shared if self.as_of in shared else [self.as_of]

    def share_dates(self, days: list[date]) -> None:
        self._shared.cache["dates"] = sorted(set(days))

    def month_ends(self, n: int = 12) -> list[date]:
        """The last ``n`` month ends up to ``as_of`` (``as_of`` itself standing for its month)."""
        out = [self.as_of]
        for i in range(1, n):
            month = add_months(self.as_of.replace(day=1), -i)
            out.append(month.replace(day=_cal.monthrange(month.year, month.month)[1]))
        return sorted(out)

    # ---- tables ------------------------------------------------------------------------------
    def table(self, name: str) -> pl.LazyFrame:
        cache = self._shared.cache
        key = f"table/{name}"
        if key not in cache:
            cache[key] = self.ds[name].lazy()
        frame: pl.LazyFrame = cache[key]
        return frame

    def has_rows(self, name: str) -> bool:
        return self.ds[name].height > 0

    def shared_cache(self) -> dict[str, Any]:
        """Frames shared by every reference date of the run (built once, by whoever needs them)."""
        return self._shared.cache

    def _shared_frame(self, key: str, build: Any) -> pl.LazyFrame:
        cache = self._shared.cache
        if key not in cache:
            # Materialised once: every measure and every month end reads the same rows.
            cache[key] = build().collect(engine=ENGINE).lazy()
        frame: pl.LazyFrame = cache[key]
        return frame

    # ---- episodes, periods of care and placements (date-independent) ------------------------
    def episodes(self) -> pl.LazyFrame:
        """Episodes sorted, with ``PERIOD_START`` (start of that period of care),
        ``PLACEMENT_START`` (start of the placement), ``CARER_START`` (start of living with these
        carers) and ``NEW_PLACEMENT`` (the episode starts a placement)."""

        def build() -> pl.LazyFrame:
            # Sorted by child and start, every child's first episode starts a period, so a plain
            # forward fill never carries a date from one child to the next (and is far cheaper
            # than a window over each child).
            eps = self.table("Episodes")
            if not _sorted_by(self.ds["Episodes"], "CHILD", "DECOM"):  # as files usually are
                eps = eps.sort("CHILD", "DECOM")
            first = (pl.col("CHILD") != pl.col("CHILD").shift(1)).fill_null(True)
            prev_dec = pl.when(first).then(None).otherwise(pl.col("DEC").shift(1))
            new_period = (
                first | (pl.col("RNE") == "S") | prev_dec.is_null() | (pl.col("DECOM") != prev_dec)
            )
            temporary = pl.col("PLACE").is_in(TEMPORARY_PLACE).fill_null(False)
            new_place = new_period | (pl.col("RNE").is_in(NEW_PLACEMENT_RNE) & ~temporary)
            new_carer = new_period | (pl.col("RNE").is_in(NEW_CARER_RNE) & ~temporary)

            def start_of(flag: pl.Expr) -> pl.Expr:
                return pl.when(flag).then(pl.col("DECOM")).otherwise(None).forward_fill()

            return (
                eps.with_columns(
                    new_period.fill_null(True).alias("NEW_PERIOD"),
                    new_place.fill_null(True).alias("NEW_PLACEMENT"),
                    new_carer.fill_null(True).alias("_NEW_CARER"),
                )
                .with_columns(
                    start_of(pl.col("NEW_PERIOD")).alias("PERIOD_START"),
                    start_of(pl.col("NEW_PLACEMENT")).alias("PLACEMENT_START"),
                    start_of(pl.col("_NEW_CARER")).alias("CARER_START"),
                )
                .drop("_NEW_CARER")
            )

        return self._shared_frame("episodes", build)

    def in_care(self) -> pl.LazyFrame:
        """Children looked after on ``as_of``: their current episode, period start and age."""
        if "in_care" not in self._cache:
            days = self.dates()
            self._cache["in_care"] = (
                self._in_care_on(days)
                .filter(pl.col("_ON") == pl.lit(self.as_of))
                .drop("_ON")
                .collect(engine=ENGINE)
                .lazy()
            )
        return self._cache["in_care"]

    def _in_care_on(self, days: list[date]) -> pl.LazyFrame:
        """:meth:`in_care` on every date of the run (``_ON``), built once for them all."""

        def build() -> pl.LazyFrame:
            on = pl.col("_ON")
            dates = pl.LazyFrame({"_ON": days}, schema={"_ON": pl.Date})
            spanning = self.episodes().filter(
                (pl.col("DECOM") <= pl.lit(max(days)))
                & (pl.col("DEC").is_null() | (pl.col("DEC") > pl.lit(min(days))))
            )
            cur = (
                spanning.join(dates, how="cross")
                .filter((pl.col("DECOM") <= on) & (pl.col("DEC").is_null() | (pl.col("DEC") > on)))
                .sort("_ON", "CHILD", "DECOM")
                .unique(["_ON", "CHILD"], keep="last", maintain_order=True)
            )
            ages = cur.select("_ON", "CHILD").join(self._dobs(), on="CHILD", how="inner")
            age = age_expr(pl.col("DOB"), on)
            ages = ages.with_columns(age.alias("AGE"), _age_band(age).alias("AGE_BAND"))
            return cur.join(ages, on=["_ON", "CHILD"], how="left")

        return self._shared_frame(f"in_care/{','.join(map(str, days))}", build)

    def _dobs(self) -> pl.LazyFrame:
        """``CHILD, DOB``: one row per child."""
        return self._shared_frame(
            "dobs",
            lambda: self.table("Header").select("CHILD", "DOB").unique("CHILD", keep="last"),
        )

    def looked_after_between(self, start: date, end: date) -> pl.LazyFrame:
        """Children looked after at any time after ``start`` up to and including ``end``."""
        return (
            self.episodes()
            .filter(
                (pl.col("DECOM") <= pl.lit(end))
                & (pl.col("DEC").is_null() | (pl.col("DEC") > pl.lit(start)))
            )
            .select("CHILD")
            .unique()
        )

    def ages(self) -> pl.LazyFrame:
        """``CHILD, DOB, AGE, AGE_BAND`` at ``as_of``."""
        if "ages" not in self._cache:
            age = age_expr(pl.col("DOB"), pl.lit(self.as_of))
            band = _age_band(age)
            self._cache["ages"] = (
                self._dobs()
                .with_columns(age.alias("AGE"), band.alias("AGE_BAND"))
                .collect(engine=ENGINE)
                .lazy()
            )
        return self._cache["ages"]

    # ---- who holds the child ---------------------------------------------------------------
    def sw_spells(self) -> pl.LazyFrame:
        """Social worker spells ``CHILD, WORKER_ID, START, END``: the 903 social worker episodes
        where the dataset has them (the DfE's own source), else the register's allocations."""

        def build() -> pl.LazyFrame:
            if self.has_rows("SWEpisodes"):
                return self.table("SWEpisodes").select(
                    "CHILD",
                    pl.col("SW_ID").alias("WORKER_ID"),
                    pl.col("SW_DECOM").alias("START"),
                    pl.col("SW_DEC").alias("END"),
                )
            return (
                self.table("Allocations")
                .filter(pl.col("ALLOC_ROLE") == "SW")
                .select(
                    "CHILD",
                    "WORKER_ID",
                    pl.col("ALLOC_START").alias("START"),
                    pl.col("ALLOC_END").alias("END"),
                )
            )

        return self._shared_frame("sw_spells", build)

    def allocations_sw(self) -> pl.LazyFrame:
        """The register's social worker allocations (``CHILD, WORKER_ID, START, END``), falling
        back to the 903 social worker episodes when the register has none."""

        def build() -> pl.LazyFrame:
            if self.ds["Allocations"].filter(pl.col("ALLOC_ROLE") == "SW").height:
                return (
                    self.table("Allocations")
                    .filter(pl.col("ALLOC_ROLE") == "SW")
                    .select(
                        "CHILD",
                        "WORKER_ID",
                        pl.col("ALLOC_START").alias("START"),
                        pl.col("ALLOC_END").alias("END"),
                    )
                )
            return self.sw_spells()

        return self._shared_frame("allocations_sw", build)

    def workers(self) -> pl.LazyFrame:
        return self.table("Workers")

    def dimension(self) -> pl.LazyFrame:
        """Each child's situation on ``as_of`` (or when they last were looked after, if earlier):
        ``CHILD, PLACE, WORKER_ID, TEAM_ID, AGE_BAND``."""
        if "dimension" not in self._cache:
            d = pl.lit(self.as_of)
            place = (
                self.episodes()
                .filter(pl.col("DECOM") <= d)
                .group_by("CHILD")
                .agg(pl.col("PLACE").sort_by("DECOM").last())
            )
            worker = (
                self.allocations_sw()
                .filter(pl.col("START") <= d)
                .group_by("CHILD")
                .agg(pl.col("WORKER_ID").sort_by("START").last())
                .join(self.workers().select("WORKER_ID", "TEAM_ID"), on="WORKER_ID", how="left")
            )
            self._cache["dimension"] = (
                self.ages()
                .select("CHILD", "AGE_BAND")
                .join(place, on="CHILD", how="full", coalesce=True)
                .join(worker, on="CHILD", how="full", coalesce=True)
                .collect(engine=ENGINE)
                .lazy()
            )
        return self._cache["dimension"]

    def caseloads(self) -> pl.LazyFrame:
        """``WORKER_ID, CASES``: children looked after on ``as_of`` allocated to each worker."""
        d = pl.lit(self.as_of)
        held = self.allocations_sw().filter(
            (pl.col("START") <= d) & (pl.col("END").is_null() | (pl.col("END") > d))
        )
        return (
            held.join(self.in_care().select("CHILD"), on="CHILD", how="semi")
            .group_by("WORKER_ID")
            .agg(pl.col("CHILD").n_unique().cast(pl.Float64).alias("CASES"))
        )

    # ---- the timescale engine ----------------------------------------------------------------
    def timescales(self) -> pl.LazyFrame:
        """``lookedafter.timescales.evaluate`` at the original reference date, computed once."""
        if "timescales" not in self._shared.cache:
            try:
                from lookedafter.timescales import evaluate
                from lookedafter.timescales.engine import GROUPS
            except ImportError as exc:
                raise TimescalesUnavailable(
                    f"the timescale engine is not available: {exc}"
                ) from exc
            # One evaluation of the window the measures report: occurrences due in the 12
            # months of the figures and the month trend (a month to spare), each chain's latest
            # occurrence due before them (a child unvisited for three years still counts as
            # overdue now), and adoptions completed in the 3 years A1/A2/A10 look back over.
            # The figures are those of the whole history (tests/measures/test_window.py).
            # A small authority's whole history is quicker still (the same figures).
            window: dict[str, date] | None = None
            if self.ds["Episodes"].height >= WINDOW_FROM_EPISODES:
                window = {
                    g.rules[0].group: add_months(self.as_of, -TIMESCALE_MONTHS) for g in GROUPS
                }
                window["adoption"] = add_months(self.as_of, -ADOPTION_MONTHS)
            found = evaluate(self.ds, self.as_of, self.policy, since=window, reasons=self.reasons)
            self._shared.cache["timescales"] = found.lazy()
        frame: pl.LazyFrame = self._shared.cache["timescales"]
        return frame

    def due_by(self, rules: tuple[str, ...]) -> pl.LazyFrame:
        """The timescale engine's occurrences of these rules that apply to the child, in the
        engine's order: a filter on the engine's rows inside the query reading them (only the
        columns it reads are copied), on a rule number and a flag worked out once (matching
        the rules' and statuses' names on millions of rows for every set of rules was not)."""
        cache = self._shared.cache
        if "timescales/coded" not in cache:
            numbers = {rule: i for i, rule in enumerate(sorted(_rule_ids()))}
            cache["timescales/coded"] = (
                self.timescales()
                .with_columns(
                    pl.col("RULE")
                    .replace_strict(numbers, default=None, return_dtype=pl.UInt8)
                    .alias("_RULE_NO"),
                    (pl.col("STATUS") != "not_applicable").alias("_APPLIES"),
                )
                .collect(engine=ENGINE)
            )
            cache["timescales/numbers"] = numbers
        coded: pl.DataFrame = cache["timescales/coded"]
        numbers = cache["timescales/numbers"]
        wanted = [numbers[r] for r in rules if r in numbers]
        return (
            coded.lazy()
            .filter(pl.col("_RULE_NO").is_in(wanted) & pl.col("_APPLIES"))
            .drop("_RULE_NO", "_APPLIES")
        )

    def la_districts(self) -> pl.LazyFrame:
        """``PL_LA`` codes of the authority's own area (setting, else the district where most
        children's home postcodes lie)."""
        if self.settings.la_district:
            codes = self.settings.la_district.split(";")
            return pl.LazyFrame({"PL_LA": codes}, schema={"PL_LA": pl.String})

        def build() -> pl.LazyFrame:
            from lookedafter.lib.postcodes import lookup_for, normalise

            # The 500 commonest home postcodes decide it (a few postcode areas to read, not all).
            homes = (
                self.ds["Episodes"]
                .select(pl.col("HOME_POST").alias("PCD"))
                .drop_nulls()
                .group_by("PCD")
                .len()
                .sort(["len", "PCD"], descending=[True, False])
                .head(500)
                .with_columns(normalise(pl.col("PCD")))
                .group_by("PCD")
                .agg(pl.col("len").sum())
            )
            ref = lookup_for(homes["PCD"]).select("PCD", "LAUA")
            district = (
                homes.join(ref, on="PCD", how="inner")
                .group_by("LAUA")
                .agg(pl.col("len").sum())
                .sort(["len", "LAUA"], descending=[True, False])
                .head(1)
                .select(pl.col("LAUA").alias("PL_LA"))
            )
            return district.lazy()

        return self._shared_frame("la_districts", build)

    def placements_with_distance(self) -> pl.LazyFrame:
        """Placements that started in the 12 months to ``as_of``, with true distances
        (``PL_DISTANCE`` miles by the DfE formula, 999.9 when unknown) and the placement's
        district ``PL_LA``. Only these are looked up: the postcode reference is large."""

        def build() -> pl.LazyFrame:
            from lookedafter.lib.postcodes import with_distance

            starts = self.episodes().filter(pl.col("NEW_PLACEMENT") & self.in_window("DECOM"))
            return with_distance(starts.collect(engine=ENGINE)).lazy()

        return self._shared_frame(f"placements/{self.as_of}", build)


def _rule_ids() -> list[str]:
    """Every rule the timescale engine knows."""
    from lookedafter.timescales.engine import RULES

    return list(RULES)


def _sorted_by(frame: pl.DataFrame, key: str, then: str) -> bool:
    """Whether ``frame`` is already sorted by ``key`` then ``then``, with no nulls in either
    (as the files are written): checked row against row, far cheaper than sorting a wide
    table again."""
    k, t = pl.col(key), pl.col(then)
    step = (k > k.shift(1)) | ((k == k.shift(1)) & (t >= t.shift(1)))
    first = pl.int_range(pl.len()) == 0
    in_order = (k.is_not_null() & t.is_not_null() & (first | step.fill_null(False))).all()
    return bool(frame.select(in_order).item())


def _age_band(age: pl.Expr) -> pl.Expr:
    return (
        pl.when(age < 1)
        .then(pl.lit(AGE_BANDS[0]))
        .when(age < 5)
        .then(pl.lit(AGE_BANDS[1]))
        .when(age < 10)
        .then(pl.lit(AGE_BANDS[2]))
        .when(age < 16)
        .then(pl.lit(AGE_BANDS[3]))
        .when(age.is_not_null())
        .then(pl.lit(AGE_BANDS[4]))
    )
