import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "167",
    message=(
        "How the child took part in the review is missing or not a valid code (PN0 to PN7). "
        "Check REVIEW_CODE."
    ),
    table="Reviews",
    fields=("REVIEW_CODE",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    column = pl.col("REVIEW_CODE")
    return ctx["Reviews"].filter(column.is_null() | ~column.is_in(sorted(codes("REVIEW_CODE"))))


def test_167_flags_codes_not_in_the_list_and_blanks() -> None:
    rows = {"CHILD": ["1", "2", "3", "4"], "REVIEW_CODE": ["PN1", "PN8", None, "pn1"]}
    assert flags({"Reviews": rows}, "167") == {"Reviews": [1, 2, 3]}
