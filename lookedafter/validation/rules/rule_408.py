import polars as pl

from lookedafter.validation.helpers_b import flagged
from lookedafter.validation.registry import Context, rule

# Placed for adoption under a placement order (with / not with current foster carers).
_WITH_PLACEMENT_ORDER = ("A5", "A6")
# Legal statuses that authorise that placement: placement order, or freeing order.
_ORDERS = ("E1", "D1")


@rule(
    "408",
    message="The child is placed for adoption under a placement order (A5 or A6) but the legal "
    "status is not a placement or freeing order (E1 or D1). Check PLACE and LS.",
    table="Episodes",
    fields=("PLACE", "LS"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        pl.col("PLACE").is_in(_WITH_PLACEMENT_ORDER) & ~pl.col("LS").is_in(_ORDERS).fill_null(False)
    )


def test_408_placement_order_needed() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "PLACE": ["A5", "A6", "A4", "A6"],
            "LS": ["C2", "E1", "C2", "D1"],
        }
    )
    assert flagged("408", {"Episodes": eps}) == {"Episodes": [0]}
