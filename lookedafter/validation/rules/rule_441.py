import polars as pl

from lookedafter.validation.helpers_b import age, d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "441",
    message="A participation code for children aged 4 or over (PN1-PN7) is used but the child "
    "was under 4 at the review. Use PN0, or check REVIEW and DOB.",
    table="Reviews",
    fields=("DOB", "REVIEW", "REVIEW_CODE"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Reviews"].filter(
        pl.col("REVIEW_CODE").is_not_null()
        & (pl.col("REVIEW_CODE") != "PN0")
        & (age(pl.col("DOB"), pl.col("REVIEW")) < 4)
    )


def test_441_pn1_to_pn7_only_from_age_4() -> None:
    reviews = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DOB": [d("2021-06-02"), d("2021-06-01"), d("2023-01-01")],
            "REVIEW": [d("2025-06-01")] * 3,
            "REVIEW_CODE": ["PN1", "PN7", "PN0"],
        }
    )
    assert flagged("441", {"Reviews": reviews}) == {"Reviews": [0]}
