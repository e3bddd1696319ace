import polars as pl

from lookedafter.validation.derive import age_at
from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "543",
    message="The child was 10 or over on 31 March and has been looked after for 12 months, but "
    "conviction information is blank. Record CONVICTED (0 or 1).",
    table="OC2",
    fields=("DOB", "CONVICTED"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    age = age_at(pl.col("DOB"), pl.lit(ctx.end))
    return ctx["OC2"].filter(age.ge(10) & pl.col("CONVICTED").is_null())


def test_543_outcome_fields_follow_age_and_completion() -> None:
    oc2 = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DOB": ["31/03/2016", "01/04/2016", "31/03/2016"],
            "CONVICTED": [None, None, "1"],
        }
    )
    assert flagged("543", 2026, {"OC2": oc2}) == {"OC2": [0]}
