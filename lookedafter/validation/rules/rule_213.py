import polars as pl

from lookedafter.validation.helpers_b import OTHER_PLACEMENTS, TEMPORARY_PLACEMENTS, flagged
from lookedafter.validation.registry import Context, rule

_MESSAGE = (
    "A placement provider is recorded for a temporary placement or an 'other' placement, "
    "which has none. Leave PLACE_PROVIDER blank for these placement types."
)


def _failing(ctx: Context, places: tuple[str, ...]) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        pl.col("PLACE").is_in(places) & pl.col("PLACE_PROVIDER").is_not_null()
    )


@rule("213", _MESSAGE, table="Episodes", fields=("PLACE_PROVIDER",), until=2025)
def validate_to_2025(ctx: Context) -> pl.LazyFrame:
    return _failing(ctx, TEMPORARY_PLACEMENTS)


@rule("213", _MESSAGE, table="Episodes", fields=("PLACE_PROVIDER",), since=2026)
def validate(ctx: Context) -> pl.LazyFrame:
    # From 2025-26 the split 'other placements' (Z11-Z14) have no provider either.
    return _failing(ctx, TEMPORARY_PLACEMENTS + OTHER_PLACEMENTS[1:])


def test_213_provider_not_wanted_for_temporary_and_other_placements() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1"] * 5,
            "PLACE": ["T0", "T2", "U1", "Z12", "Z12"],
            "PLACE_PROVIDER": [None, "PR1", "PR1", "PR4", None],
        }
    )
    assert flagged("213", {"Episodes": eps}, year=2026) == {"Episodes": [1, 3]}
    assert flagged("213", {"Episodes": eps}, year=2025) == {"Episodes": [1]}
