import polars as pl

from lookedafter.lib import postcodes
from lookedafter.validation.derive import postcode_lookup
from lookedafter.validation.helpers_b import flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "392c",
    message="A postcode is not a known UK postcode. Check HOME_POST and PL_POST (full postcode, "
    "for example M1 1AE).",
    table="Episodes",
    fields=("HOME_POST", "PL_POST"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    # the run's one lookup of every postcode in the episodes (derive.postcode_lookup)
    known = pl.lit(postcode_lookup(ctx)["PCD"]).implode()

    def unknown(col: str) -> pl.Expr:
        key = postcodes.normalise(pl.col(col))
        # Northern Ireland (BT) postcodes are not in the offline reference data: not judged.
        return pl.col(col).is_not_null() & ~key.is_in(known) & ~key.str.starts_with("BT")

    return ctx["Episodes"].filter(unknown("HOME_POST") | unknown("PL_POST"))


def test_392c_flags_unknown_postcodes() -> None:
    real = postcodes.lookup(["M"])["PCD"][0]
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4", "5"],
            "HOME_POST": [real, "ZZ99 9ZZ", real, None, "BT1 1AA"],
            "PL_POST": [real.lower(), real, "not a postcode", None, real],
        }
    )
    assert flagged("392c", {"Episodes": eps}) == {"Episodes": [1, 2]}


def test_392c_no_postcodes_no_flags() -> None:
    eps = pl.DataFrame({"CHILD": ["1"], "HOME_POST": [None], "PL_POST": [None]})
    assert flagged("392c", {"Episodes": eps}) == {}
