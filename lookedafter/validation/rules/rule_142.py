import polars as pl

from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "142",
    message="A later episode has started but this one has no end date. Give DEC and REC for every "
    "episode except the child's latest.",
    table="Episodes",
    fields=("DEC", "REC"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    latest = pl.col("DECOM") == pl.col("DECOM").max().over("CHILD")
    return ctx["Episodes"].filter(pl.col("DECOM").is_not_null() & ~latest & pl.col("DEC").is_null())


def test_142_flags_open_episodes_that_are_not_the_latest() -> None:
    eps = {
        "CHILD": ["1", "1", "2", "2", "3"],
        "DECOM": ["01/05/2025", "01/06/2025", "01/05/2025", "01/06/2025", "01/05/2025"],
        "DEC": [None, None, "01/06/2025", None, None],
    }
    assert flags({"Episodes": eps}, "142") == {"Episodes": [0]}
