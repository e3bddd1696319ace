import polars as pl

from lookedafter.validation.helpers_c import flagged
from lookedafter.validation.registry import Context, rule

# Episode endings by special guardianship to former foster carers (REC list).
SGO_TO_FOSTER_CARERS = ("E45", "E46")
# Foster placements (PLACE list U1-U6).
FOSTER = ("U1", "U2", "U3", "U4", "U5", "U6")


@rule(
    "516",
    message="The episode ended with a special guardianship order to former foster carers (E45 or "
    "E46) but the child was not in a foster placement (U1 to U6). Correct the reason the "
    "episode ended or the placement type.",
    table="Episodes",
    fields=("REC", "PLACE"),
)
def validate(ctx: Context) -> pl.LazyFrame:
    return ctx["Episodes"].filter(
        pl.col("REC").is_in(SGO_TO_FOSTER_CARERS) & ~pl.col("PLACE").is_in(FOSTER).fill_null(False)
    )


def test_516_sgo_to_foster_carers_needs_a_foster_placement() -> None:
    eps = pl.DataFrame(
        {"CHILD": ["1", "2", "3"], "REC": ["E45", "E46", "E13"], "PLACE": ["U1", "K2", "K2"]}
    )
    assert flagged("516", 2026, {"Episodes": eps}) == {"Episodes": [1]}
