"""Meta-tests for the rule set: every rule tested, every DfE code covered, the docs current."""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import pytest

from lookedafter.validation import docs
from lookedafter.validation.not_implemented import NOT_IMPLEMENTED
from lookedafter.validation.registry import all_rules, load_rules

CODES = json.loads((Path(__file__).parent / "dfe_rule_codes.json").read_text("utf-8"))["years"]


def test_every_rule_has_a_test_beside_it() -> None:
    untested = []
    for r in all_rules():
        module = importlib.import_module(r.func.__module__)
        prefix = f"test_{r.code}_"
        if not any(name.startswith(prefix) for name in vars(module)):
            untested.append(f"{r.code} ({r.func.__module__})")
    assert untested == [], f"rules without a test_<code>_... function: {untested}"


def test_every_rule_lives_in_its_own_file() -> None:
    wrong = [
        r.code for r in all_rules() if r.func.__module__.rsplit(".", 1)[-1] != f"rule_{r.code}"
    ]
    assert wrong == []


@pytest.mark.parametrize("year", sorted(int(y) for y in CODES))
def test_every_dfe_code_is_implemented_or_excused(year: int) -> None:
    implemented = {r.code for r in load_rules(year)}
    missing = sorted(set(CODES[str(year)]) - implemented - set(NOT_IMPLEMENTED))
    assert missing == [], (
        f"{len(missing)} DfE codes for {year - 1}-{str(year)[-2:]} are neither a rule in "
        f"lookedafter/validation/rules/ nor listed in not_implemented.py: {' '.join(missing)}"
    )


@pytest.mark.parametrize("year", sorted(int(y) for y in CODES))
def test_no_rule_runs_in_a_year_the_dfe_list_does_not_have_it(year: int) -> None:
    extra = sorted({r.code for r in load_rules(year)} - set(CODES[str(year)]))
    assert extra == [], f"rules applied in {year} that the DfE list does not have: {extra}"


def test_excused_codes_are_not_also_implemented() -> None:
    both = sorted({r.code for r in all_rules()} & set(NOT_IMPLEMENTED))
    assert both == []


def test_excuses_give_a_reason() -> None:
    assert all(len(why) > 30 for why in NOT_IMPLEMENTED.values())


def test_rules_doc_is_current() -> None:
    current = docs.DOC_PATH.read_text("utf-8") if docs.DOC_PATH.exists() else ""
    assert current == docs.render(), "docs/rules.md is stale: python -m lookedafter.validation.docs"


def test_messages_say_what_to_check() -> None:
    short = [r.code for r in all_rules() if len(r.message) < 25]
    assert short == []
