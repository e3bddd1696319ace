import polars as pl

from lookedafter.validation.helpers_c import flagged, missing
from lookedafter.validation.registry import Context, rule

HEALTH_FIELDS = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")


@rule(
    "547",
    message="The health check field is recorded, so immunisations, teeth check, health assessment "
    "and substance misuse must all be recorded too. Complete the blank fields.",
    table="OC2",
    fields=("HEALTH_CHECK", *HEALTH_FIELDS),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["OC2"].filter(pl.col("HEALTH_CHECK").is_not_null() & missing(*HEALTH_FIELDS))


def test_547_outcome_fields_follow_age_and_completion() -> None:
    oc2 = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "HEALTH_CHECK": ["1", "1", None],
            "IMMUNISATIONS": ["1", "1", None],
            "TEETH_CHECK": ["1", "1", None],
            "HEALTH_ASSESSMENT": ["1", None, None],
            "SUBSTANCE_MISUSE": ["0", "0", None],
        }
    )
    assert flagged("547", 2026, {"OC2": oc2}) == {"OC2": [1]}
