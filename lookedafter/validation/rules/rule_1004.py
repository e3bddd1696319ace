import polars as pl

from lookedafter.ssda903.structural import Issue, Kind
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "1004",
    message=(
        "The start of the missing or away-without-authorisation period is missing or not a "
        "real date. Check MIS_START."
    ),
    table="Missing",
    fields=("MIS_START",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Missing"].filter(
        pl.col("MIS_START").is_null() | ctx.bad_value("Missing", "MIS_START")
    )


def test_1004_flags_missing_and_unreadable_dates() -> None:
    rows = {"CHILD": ["1", "2", "3"], "MIS_START": ["01/05/2025", None, None]}
    bad = Issue(Kind.BAD_DATE, "file.csv", "not a date", "Missing", 2, "MIS_START", "32/01/2025")
    assert flags({"Missing": rows}, "1004", issues=[bad]) == {"Missing": [1, 2]}
    other = Issue(Kind.BAD_DATE, "file.csv", "not a date", "Missing", 0, "OTHER", "x")
    assert flags({"Missing": rows}, "1004", issues=[other]) == {"Missing": [1, 2]}
