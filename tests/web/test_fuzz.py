"""Whatever is typed into a form, the answer is a page (200/302/400/409), never a 500."""

from __future__ import annotations

from typing import Any

from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from web_support import signed_in

FORMS: dict[str, tuple[str, list[str]]] = {
    "visit": (
        "sw",
        [
            "visit_date_day",
            "visit_date_month",
            "visit_date_year",
            "seen",
            "seen_alone",
            "not_alone_reason",
        ],
    ),
    "health": ("sw", ["kind", "done_on_day", "done_on_month", "done_on_year", "sdq_score"]),
    "pep": ("sw", ["kind", "pep_date_day", "pep_date_month", "pep_date_year"]),
    "missing": (
        "sw",
        ["kind", "start_day", "start_month", "start_year", "end_day", "end_month", "end_year"],
    ),
    "return-interview": (
        "sw",
        [
            "mis_start",
            "returned_on_day",
            "returned_on_month",
            "returned_on_year",
            "returned_time",
            "done_time",
            "accepted",
        ],
    ),
    "placement": (
        "sw",
        [
            "moved_on_day",
            "moved_on_month",
            "moved_on_year",
            "place",
            "provider",
            "reason",
            "postcode",
            "urn",
        ],
    ),
    "worker": ("tm", ["worker", "starts_on_day", "starts_on_month", "starts_on_year", "reason"]),
    "review": (
        "iro",
        ["review_date_day", "review_date_month", "review_date_year", "participation"],
    ),
    "oversight": ("tm", ["on_day", "on_month", "on_year"]),
}

text = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            "0",
            "31",
            "2",
            "2026",
            "-1",
            "99999999999999999999",
            "yes",
            "no",
            "U4",
            "PR1",
            "SW2",
            "PN1",
            "SDQ",
            "12:60",
            "\x00",
            "1e9",
        ]
    ),
    st.integers(-10, 10**6).map(str),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    form=st.sampled_from(sorted(FORMS)),
    values=st.lists(text, min_size=12, max_size=12),
    version=text,
)
def test_fuzzed_form_input_never_gives_a_server_error(
    people: dict[str, Any], form: str, values: list[str], version: str
) -> None:
    who, fields = FORMS[form]
    client: Client = signed_in(people[who])
    data = dict(zip(fields, values, strict=False))
    data["version"] = version
    response = client.post(f"/children/C1/{form}/", data)
    assert response.status_code in (200, 302, 400, 409), (form, data, response.status_code)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    query=st.dictionaries(
        st.sampled_from(
            [
                "q",
                "page",
                "team",
                "worker",
                "placement",
                "age",
                "month",
                "numerator",
                "child",
                "who",
            ]
        ),
        text,
        max_size=4,
    )
)
def test_fuzzed_query_strings_never_give_a_server_error(
    people: dict[str, Any], query: dict[str, str]
) -> None:
    for who, url in (("sw", "/children/"), ("qa", "/audit/"), ("leader", "/dashboard/")):
        response = signed_in(people[who]).get(url, query)
        assert response.status_code == 200, (url, query)


def test_a_nul_character_in_a_query_string_is_not_a_server_error(people: dict[str, Any]) -> None:
    """PostgreSQL text and JSON cannot hold NUL: searches and the audit log drop it."""
    for who, url, query in (
        ("sw", "/children/", {"q": "Kh\x00an", "team": "T\x001"}),
        ("qa", "/audit/", {"child": "C\x001", "who": "s\x00w"}),
    ):
        response = signed_in(people[who]).get(url, query)
        assert response.status_code == 200, (url, query)
