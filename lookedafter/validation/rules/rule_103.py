import polars as pl

from lookedafter.schema import Dataset
from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule, run


@rule(
    "103",
    message="Ethnicity is missing or is not a valid DfE ethnicity code (for example WBRI). "
    "Enter the child's code in capitals.",
    table="Header",
    fields=("ETHNIC",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    ethnic = pl.col("ETHNIC")
    return ctx["Header"].filter(ethnic.is_null() | ~ethnic.is_in(sorted(codes("ETHNIC"))))


def test_103_flags_unknown_lowercase_and_missing_codes() -> None:
    header = pl.DataFrame(
        {"CHILD": ["1", "2", "3", "4"], "ETHNIC": ["WBRI", "wbri", "White", None]}
    )
    result = run(Dataset({"Header": header}), 2026)
    assert result.errors.filter(pl.col("code") == "103")["ROW"].to_list() == [1, 2, 3]
