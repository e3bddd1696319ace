import polars as pl

from lookedafter.ssda903.structural import Issue, Kind
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "104",
    message=(
        "The date UASC status ceased is not a real date. Enter DUC as dd/mm/yyyy, or leave it"
        " blank."
    ),
    table="UASC",
    fields=("DUC",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["UASC"].filter(ctx.bad_value("UASC", "DUC"))


def test_104_flags_unreadable_dates() -> None:
    rows = {"CHILD": ["1", "2", "3"], "DUC": ["01/05/2025", None, None]}
    bad = Issue(Kind.BAD_DATE, "file.csv", "not a date", "UASC", 2, "DUC", "32/01/2025")
    assert flags({"UASC": rows}, "104", issues=[bad]) == {"UASC": [2]}
    other = Issue(Kind.BAD_DATE, "file.csv", "not a date", "UASC", 0, "OTHER", "x")
    assert flags({"UASC": rows}, "104", issues=[other]) == {}
