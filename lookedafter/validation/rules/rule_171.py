import polars as pl

from lookedafter.ssda903.structural import Issue, Kind
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "171",
    message=(
        "The date of birth of the mother's child is not a real date. Enter MC_DOB as dd/mm/yyyy."
    ),
    table="Header",
    fields=("MC_DOB",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Header"].filter(ctx.bad_value("Header", "MC_DOB"))


def test_171_flags_unreadable_dates() -> None:
    rows = {"CHILD": ["1", "2", "3"], "MC_DOB": ["01/05/2025", None, None]}
    bad = Issue(Kind.BAD_DATE, "file.csv", "not a date", "Header", 2, "MC_DOB", "32/01/2025")
    assert flags({"Header": rows}, "171", issues=[bad]) == {"Header": [2]}
    other = Issue(Kind.BAD_DATE, "file.csv", "not a date", "Header", 0, "OTHER", "x")
    assert flags({"Header": rows}, "171", issues=[other]) == {}
