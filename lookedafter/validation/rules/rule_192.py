import polars as pl

from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "192",
    message="The child has a substance misuse problem: record whether they received an "
    "intervention for it. Check INTERVENTION_RECEIVED.",
    table="OC2",
    fields=("SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["OC2"].filter(
        (pl.col("SUBSTANCE_MISUSE") == "1") & pl.col("INTERVENTION_RECEIVED").is_null()
    )


def test_192_flags_a_missing_received_item() -> None:
    oc2 = {
        "CHILD": list("123"),
        "SUBSTANCE_MISUSE": ["1", "1", "0"],
        "INTERVENTION_RECEIVED": [None, "0", None],
    }
    assert flags({"OC2": oc2}, "192") == {"OC2": [0]}
