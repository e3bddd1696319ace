import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.derive import OC2_ITEMS
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "181",
    message="Each item for children looked after for 12 months (convictions, health and dental "
    "checks, immunisations, substance misuse) must be 0 or 1 when given.",
    table="OC2",
    fields=OC2_ITEMS,
)
def validate(ctx: Context) -> pl.LazyFrame:
    valid = sorted(codes("OC2_FLAG"))
    bad = [pl.col(c).is_not_null() & ~pl.col(c).is_in(valid) for c in OC2_ITEMS]
    return ctx["OC2"].filter(pl.any_horizontal(bad))


def test_181_flags_any_item_that_is_not_0_or_1() -> None:
    oc2 = {
        "CHILD": list("1234"),
        "CONVICTED": ["0", "2", None, "1"],
        "TEETH_CHECK": ["1", "1", None, "Y"],
    }
    assert flags({"OC2": oc2}, "181") == {"OC2": [1, 3]}
