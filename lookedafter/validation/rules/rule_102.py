import polars as pl

from lookedafter.ssda903.structural import Issue, Kind
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "102",
    message="Date of birth is missing or is not a real date. Enter DOB as dd/mm/yyyy.",
    table="Header",
    fields=("DOB",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Header"].filter(pl.col("DOB").is_null() | ctx.bad_value("Header", "DOB"))


def test_102_flags_missing_and_unreadable_dates() -> None:
    header = {"CHILD": ["1", "2", "3"], "DOB": ["01/02/2010", None, None]}
    bad = Issue(Kind.BAD_DATE, "header.csv", "not a date", "Header", 2, "DOB", "31/02/2010")
    assert flags({"Header": header}, "102", issues=[bad]) == {"Header": [1, 2]}
    assert flags({"Header": {"CHILD": ["1"], "DOB": ["29/02/2012"]}}, "102") == {}
