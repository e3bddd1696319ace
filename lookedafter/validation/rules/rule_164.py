import polars as pl

from lookedafter.lib.postcodes import UNKNOWN_DISTANCE
from lookedafter.validation.derive import RESPITE
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags


@rule(
    "164",
    message="The placement distance cannot be worked out: HOME_POST or PL_POST is not a known "
    "postcode. Enter full, current postcodes.",
    table="Episodes",
    fields=("PL_DISTANCE",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    eps = ctx["Episodes"]
    for table in ("UASC", "UASC_last"):  # distance is not expected for (former) UASC
        if ctx.has(table):
            eps = eps.join(ctx[table].select("CHILD").unique(), on="CHILD", how="anti")
    both_given = pl.col("HOME_POST").is_not_null() & pl.col("PL_POST").is_not_null()
    return eps.filter(
        both_given
        & ~pl.col("LS").is_in(list(RESPITE))
        & (pl.col("PL_DISTANCE") >= UNKNOWN_DISTANCE)
    )


def test_164_flags_unknown_postcodes_except_for_uasc_and_short_breaks() -> None:
    eps = {
        "CHILD": list("12345"),
        "LS": ["C2", "C2", "V3", "C2", "C2"],
        "HOME_POST": ["M1 1AE", "M1 1AE", "M1 1AE", "M1 1AE", None],
        "PL_POST": ["LS1 1UR", "ZZ9 9ZZ", "ZZ9 9ZZ", "ZZ9 9ZZ", "LS1 1UR"],
    }
    uasc = {"CHILD": ["4"]}
    assert flags({"Episodes": eps}, "164") == {"Episodes": [1, 3]}
    assert flags({"Episodes": eps, "UASC": uasc}, "164") == {"Episodes": [1]}
