import polars as pl

from lookedafter.schema.codes import codes
from lookedafter.validation.registry import Context, rule
from lookedafter.validation.testing import flags

# A UPN is 13 characters: a check letter (not I, O or S), 11 digits, and a digit or (for a
# temporary UPN) a letter other than I, O or S.
UPN_PATTERN = r"^[A-HJ-NP-RT-Z][0-9]{11}[0-9A-HJ-NP-RT-Z]$"


@rule(
    "168",
    message="The Unique Pupil Number is missing or not in the right form (a letter, 11 digits and "
    "a digit or letter). If it is not known, enter UN1, UN2, UN3, UN4 or UN5. Check UPN.",
    table="Header",
    fields=("UPN",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    upn = pl.col("UPN")
    unknown = upn.is_in(sorted(codes("UPN_UNKNOWN")))
    return ctx["Header"].filter(upn.is_null() | ~(unknown | upn.str.contains(UPN_PATTERN)))


def test_168_accepts_upns_and_unknown_codes_only() -> None:
    upns = ["A123456789012", "UN3", "B12345678901C", "I123456789012", "A12345678901", None, "un1"]
    header = {"CHILD": [str(i) for i in range(len(upns))], "UPN": upns}
    assert flags({"Header": header}, "168") == {"Header": [3, 4, 5, 6]}
