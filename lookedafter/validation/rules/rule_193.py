import polars as pl

from lookedafter.validation.derive import any_given
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "193",
    message="No substance misuse problem is recorded, so leave the intervention items blank. "
    "Check SUBSTANCE_MISUSE, INTERVENTION_RECEIVED and INTERVENTION_OFFERED.",
    table="OC2",
    fields=("SUBSTANCE_MISUSE", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    no_problem = pl.col("SUBSTANCE_MISUSE").is_null() | (pl.col("SUBSTANCE_MISUSE") == "0")
    return ctx["OC2"].filter(
        no_problem & any_given(("INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"))
    )


def test_193_flags_interventions_without_a_problem() -> None:
    oc2 = {
        "CHILD": list("1234"),
        "SUBSTANCE_MISUSE": ["0", None, "1", "0"],
        "INTERVENTION_RECEIVED": ["1", None, "1", None],
        "INTERVENTION_OFFERED": [None, "0", None, None],
    }
    assert flags({"OC2": oc2}, "193") == {"OC2": [0, 1]}
