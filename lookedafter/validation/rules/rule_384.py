import polars as pl

from lookedafter.validation.helpers_b import RESPITE_LEGAL_STATUSES, flagged
from lookedafter.validation.registry import Context, rule

# Long-term foster placements (with relatives or friends, with other carers).
_LONG_TERM_FOSTERING = ("U1", "U4")


@rule(
    "384",
    message="A child on short breaks (LS V3 or V4) cannot be in a long-term foster placement "
    "(U1 or U4). Check LS and PLACE.",
    table="Episodes",
    fields=("PLACE", "LS"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        pl.col("LS").is_in(RESPITE_LEGAL_STATUSES) & pl.col("PLACE").is_in(_LONG_TERM_FOSTERING)
    )


def test_384_short_breaks_are_not_long_term_fostering() -> None:
    eps = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "LS": ["V3", "V4", "C2"], "PLACE": ["U1", "U6", "U4"]}
    )
    assert flagged("384", {"Episodes": eps}) == {"Episodes": [0]}
