"""The reader counts fields per line two ways (plain Python for small files, numpy for large
ones); both must agree on every input."""

from hypothesis import given, settings
from hypothesis import strategies as st

from lookedafter.ssda903 import io

TEXT = st.text(alphabet=st.sampled_from(list("ab1,;| \n\t")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sampled_from([",", ";", "|"]))
def test_small_and_large_paths_count_alike(text: str, sep: str) -> None:
    data = text.encode("ascii")
    small, small_pad = io._field_counts_small(data, sep)
    original = io.SMALL_DATA
    io.SMALL_DATA = 0  # force the numpy path
    try:
        large, large_pad = io._field_counts(data, sep)
    finally:
        io.SMALL_DATA = original
    assert small.to_list() == large.to_list()
    assert small_pad == large_pad


def test_counts_fields_and_spots_padded_values() -> None:
    counts, padded = io._field_counts_small(b"a,b,c\nd,e\n", ",")
    assert counts.to_list() == [3, 2]
    assert not padded
    assert io._field_counts_small(b"a, b\n", ",")[1]
    assert io._field_counts_small(b"a,b \nc,d", ",")[1]
    assert not io._field_counts_small(b"a b,c\n", ",")[1]
