import polars as pl

from lookedafter.validation.helpers_c import flagged, overlapping
from lookedafter.validation.registry import Context, rule


@rule(
    "574",
    message="Two missing or away episodes overlap: one starts while the previous one is still open "
    "or before it ended. Add the end date of the earlier episode or correct the dates.",
    table="Missing",
    fields=("MIS_START", "MIS_END"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return overlapping(ctx["Missing"], "MIS_START", "MIS_END")


def test_574_missing_episodes_do_not_overlap() -> None:
    missing = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "2", "3", "3"],
            "MIS_START": ["01/05/2025", "03/05/2025"] * 3,
            "MIS_END": [None, None, "04/05/2025", None, "02/05/2025", None],
        }
    )
    assert flagged("574", 2026, {"Missing": missing}) == {"Missing": [0, 1, 2, 3]}


def test_574_a_period_with_no_start_date_clashes_with_nothing() -> None:
    # Row 0 has no start (rule 564 reports it); it must not make the next period "overlap".
    missing = pl.DataFrame(
        {
            "CHILD": ["1", "1", "1"],
            "MISSING": ["M", "M", "M"],
            "MIS_START": [None, "03/05/2025", "10/05/2025"],
            "MIS_END": [None, "04/05/2025", "11/05/2025"],
        }
    )
    assert flagged("574", 2026, {"Missing": missing}) == {}
