import polars as pl

from lookedafter.validation.derive import all_given, any_given
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags

CORE = ("IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE")
OTHER = ("CONVICTED", "HEALTH_CHECK", "INTERVENTION_RECEIVED", "INTERVENTION_OFFERED")


@rule(
    "182",
    message="Some items for children looked after for 12 months are filled in, so also complete "
    "IMMUNISATIONS, TEETH_CHECK, HEALTH_ASSESSMENT and SUBSTANCE_MISUSE (or leave all blank).",
    table="OC2",
    fields=CORE + OTHER,
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["OC2"].filter(any_given(OTHER) & ~all_given(CORE))


def test_182_flags_other_items_without_the_core_items() -> None:
    oc2 = {
        "CHILD": list("1234"),
        "CONVICTED": ["0", "0", None, None],
        "IMMUNISATIONS": ["1", None, None, "1"],
        "TEETH_CHECK": ["1", "1", None, None],
        "HEALTH_ASSESSMENT": ["1", "1", None, None],
        "SUBSTANCE_MISUSE": ["0", "0", None, None],
    }
    assert flags({"OC2": oc2}, "182") == {"OC2": [1]}
