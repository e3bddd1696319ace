import polars as pl

from lookedafter.ssda903.structural import Issue, Kind
from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "700",
    message="The start date of the deprivation of liberty order is missing or not a valid date. "
    "Enter it as dd/mm/yyyy.",
    table="DoLo",
    fields=("DOLO_START",),
    since=2027,
)
def validate(ctx: Context) -> pl.LazyFrame:
    bad = pl.Series(sorted(ctx.unparseable("DoLo", "DOLO_START")), dtype=pl.Int64)
    return ctx["DoLo"].filter(pl.col("DOLO_START").is_null() | pl.col("ROW").is_in(bad.implode()))


def test_700_start_date_required_and_valid() -> None:
    dolo = pl.DataFrame({"CHILD": ["1", "2", "3"], "DOLO_START": ["01/05/2026", None, None]})
    issue = Issue(Kind.BAD_DATE, "dolo.csv", "bad date", "DoLo", 2, "DOLO_START", "2026-05-01")
    assert flagged("700", 2027, {"DoLo": dolo}, issues=[issue]) == {"DoLo": [1, 2]}
