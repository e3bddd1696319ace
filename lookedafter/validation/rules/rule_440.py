import polars as pl

from lookedafter.validation.helpers_b import age, d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "440",
    message="Participation code PN0 (under 4) is used but the child was 4 or over at the "
    "review. Check REVIEW_CODE, REVIEW and DOB.",
    table="Reviews",
    fields=("DOB", "REVIEW", "REVIEW_CODE"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Reviews"].filter(
        (pl.col("REVIEW_CODE") == "PN0") & (age(pl.col("DOB"), pl.col("REVIEW")) >= 4)
    )


def test_440_pn0_only_under_4() -> None:
    reviews = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DOB": [d("2021-06-01"), d("2021-06-02"), d("2015-01-01")],
            "REVIEW": [d("2025-06-01")] * 3,
            "REVIEW_CODE": ["PN0", "PN0", "PN1"],
        }
    )
    assert flagged("440", {"Reviews": reviews}) == {"Reviews": [0]}
