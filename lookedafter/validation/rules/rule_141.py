import polars as pl

from lookedafter.ssda903.structural import Issue, Kind
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "141",
    message="The episode start date is missing or is not a real date. Enter DECOM as dd/mm/yyyy.",
    table="Episodes",
    fields=("DECOM",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(pl.col("DECOM").is_null() | ctx.bad_value("Episodes", "DECOM"))


def test_141_flags_missing_and_unreadable_dates() -> None:
    rows = {"CHILD": ["1", "2", "3"], "DECOM": ["01/05/2025", None, None]}
    bad = Issue(Kind.BAD_DATE, "file.csv", "not a date", "Episodes", 2, "DECOM", "32/01/2025")
    assert flags({"Episodes": rows}, "141", issues=[bad]) == {"Episodes": [1, 2]}
    other = Issue(Kind.BAD_DATE, "file.csv", "not a date", "Episodes", 0, "OTHER", "x")
    assert flags({"Episodes": rows}, "141", issues=[other]) == {"Episodes": [1, 2]}
