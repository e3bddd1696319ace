import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags

# From 2025-26 no provider is recorded for these placements (DfE guide, PLACE_PROVIDER).
NO_PROVIDER = ("T0", "T1", "T2", "T3", "Z11", "Z12", "Z13", "Z14")
MESSAGE = "The placement provider is not a valid code (PR0 to PR5). Check PLACE_PROVIDER."


@rule("178", message=MESSAGE, table="Episodes", fields=("PLACE_PROVIDER",), until=2025)
def validate(ctx: Context) -> pl.LazyFrame:
    provider = pl.col("PLACE_PROVIDER")
    return ctx["Episodes"].filter(
        provider.is_not_null() & ~provider.is_in(sorted(codes("PLACE_PROVIDER")))
    )


@rule(
    "178",
    message="The placement provider is not a valid code (PR0 to PR5), or is given for a "
    "temporary or 'other' placement (T0 to T3, Z11 to Z14) that has none. Check PLACE_PROVIDER.",
    table="Episodes",
    fields=("PLACE_PROVIDER",),
    since=2026,
)
def validate_from_2026(ctx: Context) -> pl.LazyFrame:
    provider = pl.col("PLACE_PROVIDER")
    invalid = ~provider.is_in(sorted(codes("PLACE_PROVIDER")))
    not_needed = pl.col("PLACE").is_in(list(NO_PROVIDER))
    return ctx["Episodes"].filter(provider.is_not_null() & (invalid | not_needed))


def test_178_flags_invalid_providers() -> None:
    eps = {
        "CHILD": list("1234"),
        "PLACE": ["U1", "T0", "U1", "Z1"],
        "PLACE_PROVIDER": ["PR1", "PR1", "pr4", None],
    }
    assert flags({"Episodes": eps}, "178", 2025) == {"Episodes": [2]}


def test_178_from_2026_flags_a_provider_where_none_is_recorded() -> None:
    eps = {
        "CHILD": list("12345"),
        "PLACE": ["U1", "T0", "U1", "Z14", "Z12"],
        "PLACE_PROVIDER": ["PR1", "PR1", "pr4", "PR5", None],
    }
    assert flags({"Episodes": eps}, "178", 2026) == {"Episodes": [1, 2, 3]}
