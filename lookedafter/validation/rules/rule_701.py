import polars as pl

from lookedafter.ssda903.structural import Issue, Kind
from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "701",
    message="The end date of the deprivation of liberty order is not a valid date. Enter it as "
    "dd/mm/yyyy, or leave it blank if the order is still in force.",
    table="DoLo",
    fields=("DOLO_END",),
    since=2027,
)
def validate(ctx: Context) -> pl.LazyFrame:
    bad = pl.Series(sorted(ctx.unparseable("DoLo", "DOLO_END")), dtype=pl.Int64)
    return ctx["DoLo"].filter(pl.col("ROW").is_in(bad.implode()))


def test_701_end_date_valid_when_given() -> None:
    dolo = pl.DataFrame({"CHILD": ["1", "2"], "DOLO_END": [None, None]})
    issue = Issue(Kind.BAD_DATE, "dolo.csv", "bad date", "DoLo", 1, "DOLO_END", "31/13/2026")
    assert flagged("701", 2027, {"DoLo": dolo}, issues=[issue]) == {"DoLo": [1]}
