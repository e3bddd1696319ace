import polars as pl

from lookedafter.validation.helpers_b import d, flagged
from lookedafter.validation.registry import Context, rule


@rule(
    "388",
    message="REC X1 means a new episode starts the same day, and only then: either the next "
    "episode is missing or starts on a different day, or the episode ends with another reason "
    "although care continues. Check REC, DEC and the next episode's DECOM.",
    table="Episodes",
    fields=("REC",),
)
def validate(ctx: Context) -> pl.LazyFrame:
    eps = ctx.sequence()
    has_next = pl.col("ROW_next").is_not_null()
    rec, dec, next_start = pl.col("REC"), pl.col("DEC"), pl.col("DECOM_next")
    x1_gap = (
        has_next
        & (rec == "X1")
        & dec.is_not_null()
        & next_start.is_not_null()
        & (dec != next_start)
    )
    ended_but_continues = has_next & (rec != "X1") & dec.is_not_null() & (dec == next_start)
    x1_last = ~has_next & dec.is_not_null() & (rec == "X1")
    return eps.filter(x1_gap | ended_but_continues | x1_last)


def test_388_x1_only_when_care_continues_the_same_day() -> None:
    eps = pl.DataFrame(
        {
            "CHILD": ["1", "1", "2", "2", "3", "4", "4"],
            "DECOM": [
                d("2025-06-01"),
                d("2025-06-10"),
                d("2025-06-01"),
                d("2025-06-05"),
                d("2025-06-01"),
                d("2025-06-01"),
                d("2025-06-05"),
            ],
            "DEC": [
                d("2025-06-05"),
                None,
                d("2025-06-05"),
                None,
                d("2025-06-05"),
                d("2025-06-05"),
                None,
            ],
            "REC": ["X1", None, "E13", None, "X1", "X1", None],
        }
    )
    assert flagged("388", {"Episodes": eps}) == {"Episodes": [0, 2, 4]}
