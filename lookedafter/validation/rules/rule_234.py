import polars as pl

from lookedafter.validation.helpers_b import age, d, flagged, with_dob
from lookedafter.validation.registry import Context, rule


@rule(
    "234",
    message="The placement is recorded as ending because the child went into custody, but the "
    "child was under 10 (the age of criminal responsibility). Check REASON_PLACE_CHANGE and DOB.",
    table="Episodes",
    fields=("REASON_PLACE_CHANGE", "DOB"),
    needs=("Episodes", "Header"),
    since=2026,
)
def validate(ctx: Context) -> pl.LazyFrame:
    when = pl.coalesce(pl.col("DEC"), pl.col("DECOM"))
    return with_dob(ctx["Episodes"], ctx).filter(
        (pl.col("REASON_PLACE_CHANGE") == "CUSTOD") & (age(pl.col("DOB_H"), when) < 10)
    )


def test_234_custody_is_not_possible_under_10() -> None:
    header = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "DOB": [d("2016-01-01"), d("2015-06-01"), d("2016-01-01")]}
    )
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DECOM": [d("2025-05-01")] * 3,
            "DEC": [d("2025-12-31"), d("2025-12-31"), d("2025-12-31")],
            "REASON_PLACE_CHANGE": ["CUSTOD", "CUSTOD", "CARPL"],
        }
    )
    assert flagged("234", {"Episodes": eps, "Header": header}) == {"Episodes": [0]}
