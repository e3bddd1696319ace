import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.helpers_b import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "444",
    message="The same UPN is recorded for more than one child. Check UPN for each of them; use "
    "UN5 where the records cannot be matched reliably.",
    table="Header",
    fields=("UPN",),
    since=2026,
)
def validate(ctx: Context) -> pl.LazyFrame:
    upn = pl.col("UPN").str.to_uppercase().str.strip_chars()
    real = (
        ctx["Header"]
        .with_columns(upn.alias("_UPN"))
        .filter(pl.col("_UPN").is_not_null() & ~pl.col("_UPN").is_in(sorted(codes("UPN_UNKNOWN"))))
    )
    return real.filter(pl.col("CHILD").n_unique().over("_UPN") > 1)


def test_444_flags_shared_upns() -> None:
    header = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4", "5"],
            "UPN": ["A123456789012", "a123456789012", "UN1", "UN1", "B123456789012"],
        }
    )
    assert flagged("444", {"Header": header}) == {"Header": [0, 1]}
