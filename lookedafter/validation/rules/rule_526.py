import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule

# Placements recorded without a provider (DfE guide): temporary moves, and "other placements"
# (Z1 until 2024-25; its replacements Z11-Z14 from 2025-26).
NO_PROVIDER_BEFORE_2026 = ("T0", "T1", "T2", "T3", "T4", "Z1")
NO_PROVIDER_FROM_2026 = ("T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14")


@rule(
    "526",
    message="The placement provider is missing. Record who provides the placement (PR0 to PR5); "
    "only temporary moves and other placements (Z codes) are recorded without one.",
    table="Episodes",
    fields=("PLACE", "PLACE_PROVIDER"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    exempt = NO_PROVIDER_BEFORE_2026 if ctx.year < 2026 else NO_PROVIDER_FROM_2026
    return ctx["Episodes"].filter(
        pl.col("PLACE_PROVIDER").is_null() & ~pl.col("PLACE").is_in(exempt).fill_null(False)
    )


def test_526_provider_required_except_for_temporary_and_other_placements() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4", "5"],
            "PLACE": ["U4", "T1", "Z12", "Z1", "U4"],
            "PLACE_PROVIDER": [None, None, None, None, "PR1"],
        }
    )
    assert flagged("526", 2026, {"Episodes": eps}) == {"Episodes": [0, 3]}
    assert flagged("526", 2025, {"Episodes": eps}) == {"Episodes": [0, 2]}
