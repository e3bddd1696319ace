import polars as pl

from lookedafter.ssda903.structural import Issue, Kind
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "115",
    message=(
        "The date of the decision to place for adoption is not a real date. Enter DATE_PLACED"
        " as dd/mm/yyyy."
    ),
    table="PlacedAdoption",
    fields=("DATE_PLACED",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["PlacedAdoption"].filter(ctx.bad_value("PlacedAdoption", "DATE_PLACED"))


def test_115_flags_unreadable_dates() -> None:
    rows = {"CHILD": ["1", "2", "3"], "DATE_PLACED": ["01/05/2025", None, None]}
    bad = Issue(
        Kind.BAD_DATE, "file.csv", "not a date", "PlacedAdoption", 2, "DATE_PLACED", "32/01/2025"
    )
    assert flags({"PlacedAdoption": rows}, "115", issues=[bad]) == {"PlacedAdoption": [2]}
    other = Issue(Kind.BAD_DATE, "file.csv", "not a date", "PlacedAdoption", 0, "OTHER", "x")
    assert flags({"PlacedAdoption": rows}, "115", issues=[other]) == {}
