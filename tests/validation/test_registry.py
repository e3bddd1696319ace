"""The rule runner: skipping, failing, collecting together, derived fields, the previous year."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from lookedafter.schema import Dataset
from lookedafter.schema.dataset import Meta
from lookedafter.ssda903.structural import Issue, Kind
from lookedafter.validation import derive, registry
from lookedafter.validation.registry import Context, Rule, load_rules, run


def _rule(code: str, func: object, table: str = "Header", needs: tuple[str, ...] = ()) -> Rule:
    return Rule(code, "message long enough", table, ("CHILD",), needs or (table,), 2025, None, func)  # type: ignore[arg-type]


def _header() -> pl.DataFrame:
    return pl.DataFrame({"CHILD": ["a", "b", "c"], "ETHNIC": ["WBRI", "XXXX", "WBRI"]})


def test_it_reports_a_raising_rule_as_failed_and_runs_the_others() -> None:
    def broken(ctx: Context) -> pl.LazyFrame:
        raise RuntimeError("boom")

    def bad_column(ctx: Context) -> pl.LazyFrame:
        return ctx["Header"].filter(pl.col("NO_SUCH_COLUMN") == 1)

    def good(ctx: Context) -> pl.LazyFrame:
        return ctx["Header"].filter(pl.col("ETHNIC") == "XXXX")

    rules = [_rule("X1", broken), _rule("X2", bad_column), _rule("X3", good)]
    result = run(Dataset({"Header": _header()}), 2026, rules=rules)
    assert [c for c, _ in result.failed] == ["X1", "X2"]
    assert "boom" in result.failed[0][1]
    assert result.rules_run == ["X3"]
    assert result.errors.select("code", "table", "ROW", "CHILD").rows() == [
        ("X3", "Header", 1, "b")
    ]


def test_it_isolates_a_rule_that_fails_only_when_collected() -> None:
    def fails_late(ctx: Context) -> pl.LazyFrame:
        return ctx["Header"].filter(pl.col("ETHNIC").cast(pl.Int64) > 0)

    def good(ctx: Context) -> pl.LazyFrame:
        return ctx["Header"].filter(pl.col("ETHNIC") == "XXXX")

    result = run(
        Dataset({"Header": _header()}), 2026, rules=[_rule("L1", fails_late), _rule("L2", good)]
    )
    assert [c for c, _ in result.failed] == ["L1"]
    assert result.errors["code"].to_list() == ["L2"]


def test_it_skips_a_rule_whose_tables_are_absent() -> None:
    def uses_last(ctx: Context) -> pl.LazyFrame:
        return ctx["Header_last"]

    rule = _rule("S1", uses_last, needs=("Header", "Header_last"))
    result = run(Dataset({"Header": _header()}), 2026, rules=[rule])
    assert result.skipped == [("S1", "needs Header_last")]
    assert result.errors.height == 0
    with_last = Dataset({"Header": _header()}, previous=Dataset({"Header": _header()}))
    assert run(with_last, 2026, rules=[rule]).errors.height == 3


def test_a_rule_may_flag_rows_in_several_tables() -> None:
    def both(ctx: Context) -> dict[str, pl.LazyFrame]:
        return {"Header": ctx["Header"].head(1), "UASC": ctx["UASC"]}

    ds = Dataset({"Header": _header(), "UASC": pl.DataFrame({"CHILD": ["z"]})})
    rule = _rule("M1", both, needs=("Header", "UASC"))
    result = run(ds, 2026, rules=[rule])
    assert result.errors.select("table", "ROW", "CHILD").rows() == [
        ("Header", 0, "a"),
        ("UASC", 0, "z"),
    ]


def test_it_runs_only_the_codes_asked_for() -> None:
    result = run(Dataset({"Header": _header()}), 2026, codes=["103"])
    assert result.rules_run == ["103"]
    assert result.errors["ROW"].to_list() == [1]


def test_unparseable_values_come_from_the_readers_issues() -> None:
    issue = Issue(Kind.BAD_DATE, "header.csv", "not a date", "Header", 2, "DOB", "31/02/2020")
    ctx = Context(Dataset({"Header": _header()}), 2026, [issue])
    assert ctx.unparseable("Header", "DOB") == {2}
    assert ctx["Header"].filter(ctx.bad_value("Header", "DOB")).collect()["CHILD"].to_list() == [
        "c"
    ]


def test_the_collection_year_window() -> None:
    ctx = Context(Dataset(), 2026)
    assert (ctx.start, ctx.end) == (date(2025, 4, 1), date(2026, 3, 31))


def test_episodes_gain_distance_and_location_from_postcodes() -> None:
    episodes = pl.DataFrame(
        {
            "CHILD": ["a", "b", "c"],
            "HOME_POST": ["M1 1AE", "M1 1AE", None],
            "PL_POST": ["M1 1AE", "LS1 1UR", "M1 1AE"],
        }
    )
    ds = Dataset({"Episodes": episodes}, Meta(la_code="E08000003"))
    got = Context(ds, 2026)["Episodes"].collect()
    assert got["PL_LA"].to_list() == ["E08000003", "E08000035", "E08000003"]
    assert got["PL_LOCATION"].to_list() == ["IN", "OUT", "IN"]
    assert got["PL_DISTANCE"][0] == 0.0
    assert 30 < got["PL_DISTANCE"][1] < 40  # Manchester to Leeds, about 36 miles
    assert got["PL_DISTANCE"][2] == 999.9
    county = Context(ds, 2026, la_districts=frozenset({"E08000035"}))
    assert county["Episodes"].collect()["PL_LOCATION"].to_list() == ["IN", "IN", "IN"]


def test_age_and_birthdays_treat_29_february_alike() -> None:
    frame = pl.DataFrame({"DOB": [date(2008, 2, 29), date(2010, 6, 15)]})
    got = frame.select(
        derive.age_at(pl.col("DOB"), pl.lit(date(2025, 2, 28))).alias("age_28"),
        derive.age_at(pl.col("DOB"), pl.lit(date(2025, 3, 1))).alias("age_1"),
        derive.birthday(pl.col("DOB"), 17).alias("b17"),
    )
    assert got["age_28"].to_list() == [16, 14]
    assert got["age_1"].to_list() == [17, 14]
    assert got["b17"].to_list() == [date(2025, 3, 1), date(2027, 6, 15)]


def test_rules_load_per_year() -> None:
    assert all(r.applies_to(2026) for r in load_rules(2026))


def test_the_12_month_cohort_is_children_in_care_all_year() -> None:
    from lookedafter.validation.testing import dataset

    eps = {
        "CHILD": ["in", "late", "left", "break", "moved", "moved", "gap"],
        "DECOM": [
            "01/01/2024",
            "02/04/2025",
            "01/01/2024",
            "01/01/2024",
            "01/01/2024",
            "01/06/2025",
            "01/01/2024",
        ],
        "RNE": ["S", "S", "S", "S", "S", "P", "S"],
        "LS": ["C2", "C2", "C2", "V3", "C2", "C2", "C2"],
        "DEC": [None, None, "01/02/2026", None, "01/06/2025", None, "01/05/2025"],
        "REC": [None, None, "E13", None, "X1", None, "E13"],
    }
    ctx = Context(dataset({"Episodes": eps}), 2026)
    got = sorted(derive.continuously_looked_after(ctx).collect()["CHILD"].to_list())
    assert got == ["in", "moved"]


def test_neighbours_match_window_expressions_and_skip_undated_rows() -> None:
    frame = pl.LazyFrame(
        {
            "CHILD": ["a", "b", "a", "a", "b", "c"],
            "DECOM": [date(2025, 5, 1), date(2025, 4, 1), None, date(2025, 4, 1), None, None],
            "LS": ["C2", "V2", "E1", "C1", "J1", "C2"],
            "ROW": [0, 1, 2, 3, 4, 5],
        }
    )
    got = derive.neighbours(frame, ("LS", "ROW")).collect()
    dated = pl.col("DECOM").is_not_null()
    expected = (
        frame.sort(["CHILD", "DECOM", "ROW"], nulls_last=True)
        .with_columns(
            pl.when(dated).then(pl.col(c).shift(s).over("CHILD", dated)).alias(f"{c}_{n}")
            for c in ("LS", "ROW")
            for n, s in (("prev", 1), ("next", -1))
        )
        .collect()
    )
    assert got.select(sorted(got.columns)).equals(expected.select(sorted(expected.columns)))
    assert got.filter(pl.col("CHILD") == "a")["LS_prev"].to_list() == [None, "C1", None]


def test_sequence_is_built_once_with_every_column_of_both_neighbours_and_the_place() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["a", "b", "a", "a", "b", "a"],
            "DECOM": [
                date(2025, 5, 1),
                date(2025, 4, 1),
                None,
                date(2025, 4, 1),
                date(2025, 6, 1),
                date(2025, 7, 1),
            ],
            "PLACE": ["U4", "K2", "R1", "U1", "U6", "T0"],
        }
    )
    ctx = Context(Dataset({"Episodes": eps}, Meta()), 2026)
    seq = ctx.sequence()
    assert ctx.sequence() is seq  # shared by every rule of the run
    got = seq.collect()
    assert got["ROW"].to_list() == [3, 0, 5, 2, 1, 4]
    assert got["SEQ"].to_list() == [0, 1, 2, None, 0, 1]
    assert got["PLACE_prev"].to_list() == [None, "U1", "U4", None, None, "K2"]
    assert got["PLACE_next"].to_list() == ["U4", "T0", None, None, "U6", None]
    assert got["ROW_prev"].to_list() == [None, 3, 0, None, None, 1]
    assert {"DECOM_next", "PL_DISTANCE_prev", "PL_LA_next"} <= set(got.columns)


def test_only_an_ons_code_counts_as_the_authoritys_area() -> None:
    assert Context(Dataset(meta=Meta(la_code="E08000003")), 2026).own_areas == {"E08000003"}
    assert Context(Dataset(meta=Meta(la_code="825")), 2026).own_areas == frozenset()
    assert not Context(Dataset(meta=Meta(la_code="825")), 2026).has("LA")


def test_batches_flag_the_same_rows_as_one_collection(monkeypatch: pytest.MonkeyPatch) -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["a", "a", "b", "b"],
            "DECOM": [date(2025, 4, 1), date(2025, 3, 1), date(2025, 6, 1), date(2025, 6, 1)],
            "DEC": [date(2025, 5, 1), date(2025, 4, 1), None, date(2025, 7, 1)],
            "RNE": ["P", "S", "S", "T"],
            "REC": ["X1", "X1", None, "E11"],
            "LS": ["C2", "C2", "V3", "C1"],
            "PLACE": ["U1", "T0", "K2", "A3"],
            "PL_POST": ["M1 1AE", "ZZ9 9ZZ", None, "M1 1AE"],
        }
    )
    header = pl.DataFrame({"CHILD": ["a", "b"], "ETHNIC": ["WBRI", "bad"], "SEX": ["1", "x"]})
    ds = Dataset({"Episodes": eps, "Header": header}, Meta(la_code="E08000003"))
    batched = run(ds, 2026)  # several batches, collected while the next is built
    monkeypatch.setattr(registry, "BATCH", 1)
    one_each = run(ds, 2026)
    monkeypatch.setattr(registry, "BATCH", 100_000)
    all_at_once = run(ds, 2026)
    assert batched.failed == one_each.failed == all_at_once.failed == []
    assert batched.errors.height > 10
    assert batched.errors.equals(one_each.errors)
    assert batched.errors.equals(all_at_once.errors)


def test_first_and_last_rows_match_sorting_each_child() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["a", "b", "a", "c", "a", "b", "c", None, None],
            "DECOM": [
                date(2025, 5, 1),
                None,
                date(2025, 4, 1),
                None,
                None,
                date(2025, 6, 1),
                None,
                date(2025, 7, 1),
                date(2025, 8, 1),
            ],
            "PLACE": ["U1", "U2", "U3", "U4", "U5", "U6", "K2", "R1", "R2"],
        }
    )
    ctx = Context(Dataset({"Episodes": eps}, Meta()), 2026)
    whole = ctx["Episodes"]
    for got, expected in (
        (derive.first_rows(ctx, "Episodes", "DECOM"), derive.first_per_child(whole, "DECOM")),
        (derive.last_rows(ctx, "Episodes", "DECOM"), derive.last_per_child(whole, "DECOM")),
    ):
        a, b = got.collect(), expected.collect()
        assert a.columns == b.columns
        dated = pl.col("DECOM").is_not_null() | pl.col("CHILD").is_null()
        assert a.filter(dated).sort("CHILD").equals(b.filter(dated).sort("CHILD"))
        assert a["CHILD"].sort().equals(b["CHILD"].sort())  # one row per child (c: any row)
    first = derive.first_rows(ctx, "Episodes", "DECOM").collect()
    last = derive.last_rows(ctx, "Episodes", "DECOM").collect()
    assert dict(zip(first["CHILD"], first["PLACE"], strict=True)) == {
        "a": "U3",
        "b": "U6",
        "c": "U4",
        None: "R1",
    }
    assert dict(zip(last["CHILD"], last["PLACE"], strict=True)) == {
        "a": "U1",
        "b": "U6",
        "c": "K2",
        None: "R2",
    }
