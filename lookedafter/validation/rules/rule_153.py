import polars as pl

from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "153",
    message="Activity and accommodation after leaving care go together: give both ACTIV and ACCOM "
    "or neither, and give IN_TOUCH whenever they are given.",
    table="OC3",
    fields=("IN_TOUCH", "ACTIV", "ACCOM"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    activ, accom = pl.col("ACTIV").is_not_null(), pl.col("ACCOM").is_not_null()
    return ctx["OC3"].filter((activ != accom) | ((activ | accom) & pl.col("IN_TOUCH").is_null()))


def test_153_flags_half_completed_leaving_care_details() -> None:
    oc3 = {
        "CHILD": list("12345"),
        "IN_TOUCH": ["YES", "YES", None, "DIED", None],
        "ACTIV": ["F1", "F1", "F1", None, None],
        "ACCOM": ["D1", None, "D1", None, None],
    }
    assert flags({"OC3": oc3}, "153") == {"OC3": [1, 2]}
