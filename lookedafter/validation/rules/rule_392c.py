import polars as pl

from lookedafter.lib import postcodes
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
    eps = ctx["Episodes"]
    # The lookup is loaded per first letter, so collect the postcodes given to know which.
    given = eps.select(pl.concat_list("HOME_POST", "PL_POST").explode().alias("P")).collect()
    known = postcodes.lookup_for(given["P"])["PCD"].unique().implode()

    def unknown(col: str) -> pl.Expr:
        return pl.col(col).is_not_null() & ~postcodes.normalise(pl.col(col)).is_in(known)

    return eps.filter(unknown("HOME_POST") | unknown("PL_POST"))


def test_392c_flags_unknown_postcodes() -> None:
    real = postcodes.lookup(["M"])["PCD"][0]
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4"],
            "HOME_POST": [real, "ZZ99 9ZZ", real, None],
            "PL_POST": [real.lower(), real, "not a postcode", None],
        }
    )
    assert flagged("392c", {"Episodes": eps}) == {"Episodes": [1, 2]}
