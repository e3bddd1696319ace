import polars as pl

from lookedafter.validation.derive import age_at
from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "545",
    message="The child was under 5 on 31 March and has been looked after for 12 months, but the "
    "health check (development assessment) field is blank. Record HEALTH_CHECK (0 or 1).",
    table="OC2",
    fields=("DOB", "HEALTH_CHECK"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    age = age_at(pl.col("DOB"), pl.lit(ctx.end))
    return ctx["OC2"].filter(age.lt(5) & pl.col("HEALTH_CHECK").is_null())


def test_545_outcome_fields_follow_age_and_completion() -> None:
    oc2 = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "DOB": ["01/04/2021", "31/03/2021", "01/04/2021"],
            "HEALTH_CHECK": [None, None, "1"],
        }
    )
    assert flagged("545", 2026, {"OC2": oc2}) == {"OC2": [0]}
