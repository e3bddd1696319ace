import polars as pl

from lookedafter.ssda903.structural import Issue, Kind
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "113",
    message=(
        "The date of matching with the adopters is not a real date. Enter DATE_MATCH as dd/mm/yyyy."
    ),
    table="AD1",
    fields=("DATE_MATCH",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["AD1"].filter(ctx.bad_value("AD1", "DATE_MATCH"))


def test_113_flags_unreadable_dates() -> None:
    rows = {"CHILD": ["1", "2", "3"], "DATE_MATCH": ["01/05/2025", None, None]}
    bad = Issue(Kind.BAD_DATE, "file.csv", "not a date", "AD1", 2, "DATE_MATCH", "32/01/2025")
    assert flags({"AD1": rows}, "113", issues=[bad]) == {"AD1": [2]}
    other = Issue(Kind.BAD_DATE, "file.csv", "not a date", "AD1", 0, "OTHER", "x")
    assert flags({"AD1": rows}, "113", issues=[other]) == {}
