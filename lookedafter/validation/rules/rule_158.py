import polars as pl

from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "158",
    message="The child received an intervention for substance misuse, so leave 'intervention "
    "offered' blank. Check INTERVENTION_RECEIVED and INTERVENTION_OFFERED.",
    table="OC2",
    fields=("INTERVENTION_RECEIVED", "INTERVENTION_OFFERED"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    received = pl.col("INTERVENTION_RECEIVED") == "1"
    return ctx["OC2"].filter(received & pl.col("INTERVENTION_OFFERED").is_not_null())


def test_158_flags_offered_filled_in_when_received() -> None:
    oc2 = {
        "CHILD": list("1234"),
        "INTERVENTION_RECEIVED": ["1", "1", "0", None],
        "INTERVENTION_OFFERED": ["1", None, "1", "0"],
    }
    assert flags({"OC2": oc2}, "158") == {"OC2": [0]}
