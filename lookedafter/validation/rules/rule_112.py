import polars as pl

from lookedafter.ssda903.structural import Issue, Kind
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "112",
    message=(
        "The date the child should be placed for adoption is not a real date. Enter DATE_INT "
        "as dd/mm/yyyy."
    ),
    table="AD1",
    fields=("DATE_INT",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["AD1"].filter(ctx.bad_value("AD1", "DATE_INT"))


def test_112_flags_unreadable_dates() -> None:
    rows = {"CHILD": ["1", "2", "3"], "DATE_INT": ["01/05/2025", None, None]}
    bad = Issue(Kind.BAD_DATE, "file.csv", "not a date", "AD1", 2, "DATE_INT", "32/01/2025")
    assert flags({"AD1": rows}, "112", issues=[bad]) == {"AD1": [2]}
    other = Issue(Kind.BAD_DATE, "file.csv", "not a date", "AD1", 0, "OTHER", "x")
    assert flags({"AD1": rows}, "112", issues=[other]) == {}
