import polars as pl

from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "159",
    message="The child has a substance misuse problem and did not receive an intervention: record "
    "whether one was offered. Check INTERVENTION_OFFERED.",
    table="OC2",
    fields=("SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["OC2"].filter(
        (pl.col("SUBSTANCE_MISUSE") == "1")
        & (pl.col("INTERVENTION_RECEIVED") == "0")
        & pl.col("INTERVENTION_OFFERED").is_null()
    )


def test_159_flags_a_missing_offered_item() -> None:
    oc2 = {
        "CHILD": list("1234"),
        "SUBSTANCE_MISUSE": ["1", "1", "0", "1"],
        "INTERVENTION_RECEIVED": ["0", "0", "0", "1"],
        "INTERVENTION_OFFERED": [None, "1", None, None],
    }
    assert flags({"OC2": oc2}, "159") == {"OC2": [0]}
