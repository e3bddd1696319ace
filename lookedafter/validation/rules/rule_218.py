import polars as pl

from lookedafter.validation.helpers_b import (
    OUTSIDE_ENGLAND_LA,
    RESPITE_LEGAL_STATUSES,
    TEMPORARY_PLACEMENTS,
    d,
    flagged,
)
from lookedafter.validation.registry import Context, rule

_MESSAGE = (
    "This placement type needs the provider's Ofsted URN. Enter URN (or XXXXXXX if the "
    "provider has no URN)."
)
# Placement types that never have an Ofsted URN, by year (2025-26 drops H5/P2, splits Z1).
_NO_URN_TO_2025 = ("H5", "P1", "P2", "P3", "R1", "R2", "R5", *TEMPORARY_PLACEMENTS, "Z1")
_NO_URN_FROM_2026 = (
    "P1",
    "P3",
    "R1",
    "R2",
    "R5",
    *TEMPORARY_PLACEMENTS,
    "Z11",
    "Z12",
    "Z13",
    "Z14",
)


def _failing(ctx: Context, exempt: tuple[str, ...]) -> pl.LazyFrame:
    la = pl.col("PL_LA").str.to_uppercase()
    outside_england = la.is_in(OUTSIDE_ENGLAND_LA) | la.str.contains(r"^[WSN]\d")
    # Short breaks (V3/V4) record no placement location: rule 214 requires URN to be blank for
    # them, so asking for one here would leave no way to pass both.
    short_break = pl.col("LS").is_in(RESPITE_LEGAL_STATUSES).fill_null(False)
    return ctx["Episodes"].filter(
        (pl.col("DEC").is_null() | (pl.col("DEC") >= pl.lit(ctx.start)))
        & pl.col("URN").is_null()
        & ~pl.col("PLACE").is_in(exempt).fill_null(False)
        & ~outside_england.fill_null(False)
        & ~short_break
    )


@rule("218", _MESSAGE, table="Episodes", fields=("URN",), until=2025)
def validate_to_2025(ctx: Context) -> pl.LazyFrame:
    return _failing(ctx, _NO_URN_TO_2025)


@rule("218", _MESSAGE, table="Episodes", fields=("URN",), since=2026)
def validate(ctx: Context) -> pl.LazyFrame:
    return _failing(ctx, _NO_URN_FROM_2026)


def test_218_urn_needed_for_regulated_placements_open_in_the_year() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4", "5"],
            "PLACE": ["U1", "K2", "R1", "U4", "H5"],
            "URN": [None, "SC000001", None, None, None],
            "DEC": [None, None, None, d("2025-01-01"), None],
        }
    )
    assert flagged("218", {"Episodes": eps}, year=2026) == {"Episodes": [0, 4]}
    # In 2024-25 the episode ending January 2025 is in the year; H5 needs no URN then.
    assert flagged("218", {"Episodes": eps}, year=2025) == {"Episodes": [0, 3]}


def test_218_short_breaks_have_no_urn_to_give() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2"],
            "LS": ["V3", "C2"],
            "PLACE": ["K2", "K2"],
            "URN": [None, None],
            "DEC": [None, None],
        }
    )
    assert flagged("218", {"Episodes": eps}, year=2026) == {"Episodes": [1]}
    # and the same short break with a URN is what rule 214 reports
    with_urn = eps.with_columns(pl.lit("SC000001").alias("URN"))
    assert flagged("214", {"Episodes": with_urn}, year=2026) == {"Episodes": [0]}
