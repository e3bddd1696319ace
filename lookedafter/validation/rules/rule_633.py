import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule

# The LA_PERM list is the fixed codes plus "nnn", standing for any 3-digit LA code.
FIXED = sorted(codes("LA_PERM") - {"nnn"})


@rule(
    "633",
    message="The code of the authority that arranged the previous permanence order is not valid. "
    "Use the 3-digit DfE LA code, or WAL, SCO, NIR, NUK or 999 (not known).",
    table="PrevPerm",
    fields=("LA_PERM",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    la = pl.col("LA_PERM")
    return ctx["PrevPerm"].filter(
        la.is_not_null() & ~la.is_in(FIXED) & ~la.str.contains(r"^[0-9]{3}$")
    )


def test_633_la_code_or_fixed_code() -> None:
    prev = pl.DataFrame(
        {"CHILD": ["1", "2", "3", "4", "5"], "LA_PERM": ["201", "WAL", "Leeds", "20", None]}
    )
    assert flagged("633", 2026, {"PrevPerm": prev}) == {"PrevPerm": [2, 3]}
