import polars as pl

from lookedafter.validation.helpers_b import age, d, flagged, with_dob
from lookedafter.validation.registry import Context, rule

# Youth justice legal statuses (remand, PACE, youth rehabilitation order).
_YOUTH_JUSTICE = ("J1", "J2", "J3")


@rule(
    "358",
    message="The child has a youth justice legal status (J1, J2 or J3) but was under 10, the "
    "age of criminal responsibility, when the episode began. Check LS, DECOM and DOB.",
    table="Episodes",
    fields=("DECOM", "DOB", "LS"),
    needs=("Episodes", "Header"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return with_dob(ctx["Episodes"], ctx).filter(
        pl.col("LS").is_in(_YOUTH_JUSTICE) & (age(pl.col("DOB_H"), pl.col("DECOM")) < 10)
    )


def test_358_youth_justice_status_needs_age_10() -> None:
    header = pl.DataFrame({"CHILD": ["1", "2"], "DOB": [d("2015-06-02"), d("2015-06-01")]})
    eps = pl.DataFrame({"CHILD": ["1", "2"], "DECOM": [d("2025-06-01")] * 2, "LS": ["J1", "J2"]})
    assert flagged("358", {"Header": header, "Episodes": eps}) == {"Episodes": [0]}
