import polars as pl

from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "148",
    message="An episode that has ended needs both the end date and the reason it ended; an open "
    "episode needs neither. Check DEC and REC.",
    table="Episodes",
    fields=("DEC", "REC"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(pl.col("DEC").is_null() != pl.col("REC").is_null())


def test_148_flags_an_end_date_without_a_reason_and_the_reverse() -> None:
    eps = {
        "CHILD": list("1234"),
        "DEC": ["01/06/2025", "01/06/2025", None, None],
        "REC": ["E13", None, "X1", None],
    }
    assert flags({"Episodes": eps}, "148") == {"Episodes": [1, 2]}
