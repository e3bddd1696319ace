import polars as pl

from lookedafter.ssda903.structural import Issue, Kind
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "147",
    message=(
        "The episode end date is not a real date. Enter DEC as dd/mm/yyyy, or leave it blank "
        "if the episode is still open."
    ),
    table="Episodes",
    fields=("DEC",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(ctx.bad_value("Episodes", "DEC"))


def test_147_flags_unreadable_dates() -> None:
    rows = {"CHILD": ["1", "2", "3"], "DEC": ["01/05/2025", None, None]}
    bad = Issue(Kind.BAD_DATE, "file.csv", "not a date", "Episodes", 2, "DEC", "32/01/2025")
    assert flags({"Episodes": rows}, "147", issues=[bad]) == {"Episodes": [2]}
    other = Issue(Kind.BAD_DATE, "file.csv", "not a date", "Episodes", 0, "OTHER", "x")
    assert flags({"Episodes": rows}, "147", issues=[other]) == {}
