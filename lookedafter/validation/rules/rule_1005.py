import polars as pl

from lookedafter.ssda903.structural import Issue, Kind
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "1005",
    message=(
        "The end of the missing or away-without-authorisation period is not a real date. "
        "Enter MIS_END as dd/mm/yyyy, or leave it blank if the child is still missing."
    ),
    table="Missing",
    fields=("MIS_END",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Missing"].filter(ctx.bad_value("Missing", "MIS_END"))


def test_1005_flags_unreadable_dates() -> None:
    rows = {"CHILD": ["1", "2", "3"], "MIS_END": ["01/05/2025", None, None]}
    bad = Issue(Kind.BAD_DATE, "file.csv", "not a date", "Missing", 2, "MIS_END", "32/01/2025")
    assert flags({"Missing": rows}, "1005", issues=[bad]) == {"Missing": [2]}
    other = Issue(Kind.BAD_DATE, "file.csv", "not a date", "Missing", 0, "OTHER", "x")
    assert flags({"Missing": rows}, "1005", issues=[other]) == {}
