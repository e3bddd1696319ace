from datetime import date

import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule

# Placement orders (LS E1) exist from the Adoption and Children Act 2002's commencement.
_PLACEMENT_ORDERS_FROM = date(2005, 12, 30)


@rule(
    "446",
    message="Legal status E1 (placement order) is used for an episode starting before placement "
    "orders existed (30 December 2005). Check LS and DECOM.",
    table="Episodes",
    fields=("LS", "DECOM"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        (pl.col("LS") == "E1") & (pl.col("DECOM") < pl.lit(_PLACEMENT_ORDERS_FROM))
    )


def test_446_no_placement_orders_before_2005() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3"],
            "LS": ["E1", "E1", "C2"],
            "DECOM": [d("2005-12-29"), d("2005-12-30"), d("2004-01-01")],
        }
    )
    assert flagged("446", {"Episodes": eps}) == {"Episodes": [0]}
