import polars as pl

from lookedafter.validation.helpers_c import flagged, missing
from lookedafter.validation.registry import Context, rule

HEALTH_FIELDS = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")


@rule(
    "544",
    message="Conviction information is recorded, so immunisations, teeth check, health assessment "
    "and substance misuse must all be recorded too. Complete the blank fields.",
    table="OC2",
    fields=("CONVICTED", *HEALTH_FIELDS),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["OC2"].filter(pl.col("CONVICTED").is_not_null() & missing(*HEALTH_FIELDS))


def test_544_outcome_fields_follow_age_and_completion() -> None:
    oc2 = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "CONVICTED": ["0", "0", None],
            "IMMUNISATIONS": ["1", None, None],
            "TEETH_CHECK": ["1", "1", None],
            "HEALTH_ASSESSMENT": ["1", "1", None],
            "SUBSTANCE_MISUSE": ["0", "0", None],
        }
    )
    assert flagged("544", 2026, {"OC2": oc2}) == {"OC2": [1]}
