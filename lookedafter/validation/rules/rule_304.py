import polars as pl

from lookedafter.validation.helpers_b import d, flagged, with_dob, years_after
from lookedafter.validation.registry import Context, rule


@rule(
    "304",
    message="The date UASC ceased (DUC) is after the child's 18th birthday. UASC status ends at "
    "18 at the latest: check DUC and DOB.",
    table="UASC",
    fields=("DUC",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    uasc = ctx["UASC"]
    if ctx.has("Header"):
        uasc = with_dob(uasc, ctx)
        dob = pl.coalesce(pl.col("DOB"), pl.col("DOB_H"))
    else:
        dob = pl.col("DOB")
    return uasc.filter(pl.col("DUC") > years_after(dob, 18))


def test_304_date_ceased_no_later_than_18th_birthday() -> None:
    uasc = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DOB": [d("2007-06-01"), d("2007-06-01"), None],
            "DUC": [d("2025-06-02"), d("2025-06-01"), d("2025-06-02")],
        }
    )
    header = pl.DataFrame({"CHILD": ["3"], "DOB": [d("2007-06-01")]})
    assert flagged("304", {"UASC": uasc, "Header": header}) == {"UASC": [0, 2]}
    assert flagged("304", {"UASC": uasc}) == {"UASC": [0]}
