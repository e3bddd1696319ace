import polars as pl

from lookedafter.validation.helpers_b import flagged, this_year
from lookedafter.validation.registry import Context, rule

_OC2_ITEMS = (
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
)


@rule(
    "215",
    message="The young person has care leaver information (OC3) and also outcomes for children "
    "looked after for 12 months (OC2). A care leaver should have only one: remove the wrong set.",
    table="OC3",
    fields=("IN_TOUCH", "ACTIV", "ACCOM", *_OC2_ITEMS),
    needs=("OC2", "OC3"),
)
def validate(ctx: Context) -> dict[str, pl.LazyFrame]:
    oc3 = this_year(ctx["OC3"], ctx).filter(
        pl.any_horizontal(pl.col(c).is_not_null() for c in ("IN_TOUCH", "ACTIV", "ACCOM"))
    )
    oc2 = this_year(ctx["OC2"], ctx).filter(
        pl.any_horizontal(pl.col(c).is_not_null() for c in _OC2_ITEMS)
    )
    return {
        "OC3": oc3.join(oc2.select("CHILD"), on="CHILD", how="semi"),
        "OC2": oc2.join(oc3.select("CHILD"), on="CHILD", how="semi"),
    }


def test_215_flags_children_with_both_sets_of_outcomes() -> None:
    oc2 = pl.DataFrame(
        {
            "CHILD": ["A", "B", "C"],
            "IMMUNISATIONS": ["1", None, "1"],
            "CONVICTED": [None, None, "0"],
        }
    )
    oc3 = pl.DataFrame(
        {"CHILD": ["A", "B", "D"], "IN_TOUCH": ["YES", "YES", None], "ACCOM": ["S", None, "S"]}
    )
    assert flagged("215", {"OC2": oc2, "OC3": oc3}) == {"OC2": [0], "OC3": [0]}
