import polars as pl

from lookedafter.ssda903.structural import Issue, Kind
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "166",
    message="The review date is missing or is not a real date. Enter REVIEW as dd/mm/yyyy.",
    table="Reviews",
    fields=("REVIEW",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Reviews"].filter(pl.col("REVIEW").is_null() | ctx.bad_value("Reviews", "REVIEW"))


def test_166_flags_missing_and_unreadable_dates() -> None:
    rows = {"CHILD": ["1", "2", "3"], "REVIEW": ["01/05/2025", None, None]}
    bad = Issue(Kind.BAD_DATE, "file.csv", "not a date", "Reviews", 2, "REVIEW", "32/01/2025")
    assert flags({"Reviews": rows}, "166", issues=[bad]) == {"Reviews": [1, 2]}
    other = Issue(Kind.BAD_DATE, "file.csv", "not a date", "Reviews", 0, "OTHER", "x")
    assert flags({"Reviews": rows}, "166", issues=[other]) == {"Reviews": [1, 2]}
