import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "631",
    message="The previous permanence code is not valid. Use P1 (adoption), P2 (special "
    "guardianship), P3 (residence or child arrangements order), P4 (unknown) or Z1 (none).",
    table="PrevPerm",
    fields=("PREV_PERM",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["PrevPerm"].filter(
        ~pl.col("PREV_PERM").is_in(sorted(codes("PREV_PERM"))).fill_null(True)
    )


def test_631_flags_only_the_inconsistent_rows() -> None:
    frame = pl.DataFrame({"CHILD": ["1", "2", "3"], "PREV_PERM": ["P9", "P1", None]})
    assert flagged("631", 2026, {"PrevPerm": frame}) == {"PrevPerm": [0]}
