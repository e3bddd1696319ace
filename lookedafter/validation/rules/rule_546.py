import polars as pl

from lookedafter.validation.derive import age_at
from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "546",
    message="The child was 5 or over on 31 March, so the health check (development assessment) "
    "field should be blank. Remove HEALTH_CHECK.",
    table="OC2",
    fields=("DOB", "HEALTH_CHECK"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    age = age_at(pl.col("DOB"), pl.lit(ctx.end))
    return ctx["OC2"].filter(age.ge(5) & pl.col("HEALTH_CHECK").is_not_null())


def test_546_outcome_fields_follow_age_and_completion() -> None:
    oc2 = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DOB": ["31/03/2021", "01/04/2021", "31/03/2021"],
            "HEALTH_CHECK": ["1", "1", None],
        }
    )
    assert flagged("546", 2026, {"OC2": oc2}) == {"OC2": [0]}
