import polars as pl

from lookedafter.validation.derive import birthday
from lookedafter.validation.helpers_c import ceased_care, flagged
from lookedafter.validation.registry import Context, rule

# The DfE check is about young people who turn 18 while missing or away: their period of care
# ends on the 18th birthday and the missing episode is closed on the same day. The reason the
# period ended is then E8 ("any other reason"): the authority cannot know where they went.
MISSING_AT_18 = "E8"


@rule(
    "580",
    message="The young person was missing or away on their 18th birthday, when their period of "
    "care ended, but the reason it ended is not E8. Use E8, or correct the missing or away dates.",
    table="Episodes",
    fields=("REC",),
    needs=("Episodes", "Missing"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    dob = ctx["Missing"].select("CHILD", "DOB")
    if ctx.has("Header"):
        dob = pl.concat([ctx.dob(), dob])
    dob = dob.filter(pl.col("DOB").is_not_null()).unique("CHILD", keep="first", maintain_order=True)
    left_at_18 = (
        ctx["Episodes"]
        .filter(ceased_care() & (pl.col("REC") != MISSING_AT_18))
        .join(dob, on="CHILD")
        .filter(pl.col("DEC") == birthday(pl.col("DOB"), 18))
    )
    missing = ctx["Missing"].select("CHILD", "MIS_START", "MIS_END")
    away_at_end = left_at_18.join(missing, on="CHILD").filter(
        (pl.col("MIS_START") <= pl.col("DEC"))
        & (pl.col("MIS_END").is_null() | (pl.col("MIS_END") >= pl.col("DEC")))
    )
    return ctx["Episodes"].join(away_at_end.select("ROW").unique(), on="ROW", how="semi")


def test_580_turning_18_while_missing_uses_e8() -> None:
    # Child 1 turns 18 on 1 July 2025 while missing (episode closed that day) and leaves with
    # E5; child 2 the same with E8; child 3 is still away past the birthday; child 4 ceases
    # care while missing at 17 (not this check); child 5 came back before the birthday.
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4", "5"],
            "DECOM": ["01/05/2025"] * 5,
            "DEC": ["01/07/2025"] * 5,
            "REC": ["E5", "E8", "E5", "E13", "E5"],
        }
    )
    dobs = ["01/07/2007", "01/07/2007", "01/07/2007", "01/07/2008", "01/07/2007"]
    missing = pl.DataFrame(
        {
            "CHILD": ["1", "2", "3", "4", "5"],
            "DOB": dobs,
            "MIS_START": ["30/06/2025"] * 5,
            "MIS_END": ["01/07/2025", "01/07/2025", None, None, "30/06/2025"],
        }
    )
    assert flagged("580", 2026, {"Episodes": eps, "Missing": missing}) == {"Episodes": [0, 2]}


def test_580_takes_the_date_of_birth_from_the_header_when_missing_has_none() -> None:
    eps = pl.DataFrame(
        {"CHILD": ["1"], "DECOM": ["01/05/2025"], "DEC": ["01/07/2025"], "REC": ["E5"]}
    )
    missing = pl.DataFrame(
        {"CHILD": ["1"], "DOB": [None], "MIS_START": ["30/06/2025"], "MIS_END": ["01/07/2025"]}
    )
    header = pl.DataFrame({"CHILD": ["1"], "DOB": ["01/07/2007"]})
    tables = {"Episodes": eps, "Missing": missing, "Header": header}
    assert flagged("580", 2026, tables) == {"Episodes": [0]}
