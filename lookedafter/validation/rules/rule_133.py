import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags

# ACCOM is a letter for the kind of accommodation followed by 1 (suitable) or 2 (not suitable),
# or 0. No fixed abode (S) and custody (X) can only be recorded as not suitable.
ONLY_UNSUITABLE = ("S", "X")


def valid_accom() -> list[str]:
    letters = sorted(c for c in codes("ACCOM") if c.isalpha())
    suffixed = [f"{c}{s}" for c in letters for s in ("1", "2")]
    return sorted(
        {c for c in suffixed if not (c[0] in ONLY_UNSUITABLE and c[1] == "1")}
        | {c for c in codes("ACCOM") if not c.isalpha()}
    )


@rule(
    "133",
    message="The care leaver's accommodation is not a valid code: a letter with 1 (suitable) "
    "or 2 (not suitable), for example D1 or T2, or 0. Check ACCOM.",
    table="OC3",
    fields=("ACCOM",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    accom = pl.col("ACCOM")
    return ctx["OC3"].filter(accom.is_not_null() & ~accom.is_in(valid_accom()))


def test_133_flags_unknown_codes_and_suitable_no_fixed_abode() -> None:
    oc3 = {"CHILD": list("1234567"), "ACCOM": ["B1", "S2", "0", "S1", "X", "1", None]}
    assert flags({"OC3": oc3}, "133") == {"OC3": [3, 4, 5]}
