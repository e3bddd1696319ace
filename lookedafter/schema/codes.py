"""Every code list lookedafter knows, loaded from one place.

The SSDA903 lists (and their meanings) come from ``ssda903_codes.json``, a machine-readable
transcription of the DfE guide. The practice lists (things the 903 does not collect but inspectors
look at) are declared here. Nothing else in the project spells out a code list.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def _ssda903() -> dict[str, Any]:
    text = resources.files("lookedafter.schema").joinpath("ssda903_codes.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


# Practice code lists: name -> {code: meaning}. Codes are upper case, stable, and used in files.
PRACTICE: dict[str, dict[str, str]] = {
    "HEALTH_KIND": {
        "IHA": "Initial health assessment",
        "RHA": "Review health assessment",
        "DENTAL": "Dental check",
        "SDQ": "Strengths and Difficulties Questionnaire",
    },
    "PEP_KIND": {"INITIAL": "Initial PEP", "REVIEW": "PEP review"},
    "PERMANENCE_PLAN": {
        "RETURN_HOME": "Return to family",
        "ADOPTION": "Adoption",
        "SGO_CAO": "Special guardianship or child arrangements order",
        "LTF": "Long-term fostering",
        "LT_RESIDENTIAL": "Long-term residential care",
        "SUPPORTED_LIVING": "Supported living / independence",
        "OTHER": "Other",
    },
    "ROLE": {
        "SW": "Social worker",
        "TM": "Team manager",
        "SM": "Service manager",
        "HOS": "Head of service",
        "IRO": "Independent reviewing officer",
        "QA": "Quality assurance auditor",
        "ANALYST": "Performance analyst",
        "LEADER": "Senior leader",
    },
    "LEAVE_REASON": {
        "RESIGNED": "Resigned",
        "RETIRED": "Retired",
        "DISMISSED": "Dismissed",
        "CONTRACT_END": "Agency or fixed-term contract ended",
        "MOVED_INTERNAL": "Moved to another service in the authority",
        "OTHER": "Other",
    },
    "ALLOCATION_ROLE": {"SW": "Allocated social worker", "IRO": "Independent reviewing officer"},
    "REFERRAL_SERVICE": {
        "ADVOCACY": "Advocacy",
        "INDEPENDENT_VISITOR": "Independent visitor",
        "LIFE_STORY": "Life-story work",
    },
    "IRO_ISSUE": {
        "PLAN_DRIFT": "Drift or delay in the care plan",
        "VISITS": "Visits not within timescale",
        "HEALTH": "Health assessment overdue",
        "EDUCATION": "PEP or education provision",
        "PERMANENCE": "No permanence plan or decision",
        "PLACEMENT": "Placement suitability or stability",
        "CONTACT": "Family time and contact arrangements",
        "RECORDING": "Recording not up to date",
        "OTHER": "Other",
    },
    "IRO_STAGE": {
        "INFORMAL": "Informal resolution with the social worker or team manager",
        "TM": "Formal: team manager",
        "SM": "Formal: service manager",
        "HOS": "Formal: head of service",
        "DCS": "Formal: director of children's services",
        "CAFCASS": "Referred to Cafcass",
    },
    "IRO_OUTCOME": {
        "RESOLVED": "Resolved: the issue was put right",
        "PARTIAL": "Partly resolved",
        "NOT_UPHELD": "Not upheld after review",
        "WITHDRAWN": "Withdrawn",
    },
    "AUDIT_GRADE": {
        "OUTSTANDING": "Outstanding",
        "GOOD": "Good",
        "RI": "Requires improvement",
        "INADEQUATE": "Inadequate",
    },
    "AUDIT_SERVICE": {
        "CIC": "Children in care",
        "CP": "Child protection",
        "CIN": "Children in need",
        "CL": "Care leavers",
        "FD": "Front door",
    },
    "DOCUMENT_KIND": {
        "CHRONOLOGY": "Chronology",
        "ASSESSMENT": "Assessment (single or child and family)",
        "CASE_SUMMARY": "Case summary",
        "PLACEMENT_PLAN": "Placement plan",
    },
    "CARE_PLAN_SECTION": {
        "PERMANENCE": "Plan for permanence",
        "HEALTH": "Health plan",
        "EDUCATION": "Personal education plan",
        "PLACEMENT": "Placement plan",
        "IDENTITY": "Identity needs",
        "FAMILY": "Family and social relationships",
        "WISHES": "Wishes and feelings",
        "IRO": "Name of the IRO",
    },
}


def code_list(name: str) -> dict[str, str]:
    """Codes and their meanings for a named list (903 or practice)."""
    if name in PRACTICE:
        return PRACTICE[name]
    lists: dict[str, Any] = _ssda903()["code_lists"]
    if name not in lists:
        raise KeyError(f"unknown code list {name!r}")
    raw = lists[name]
    if isinstance(raw, dict):
        return {str(k): str(v) for k, v in raw.items()}
    return {str(k): str(k) for k in raw}


def codes(name: str) -> frozenset[str]:
    """The valid codes of a named list."""
    return frozenset(code_list(name))


def valid_for_year(name: str, year_label: str) -> frozenset[str]:
    """Codes valid in a collection year (label '2025-26'), where the list changes by year.

    Falls back to the most recent earlier year listed, then to the whole list.
    """
    by_year: dict[str, Any] = _ssda903()["valid_codes_by_collection_year"].get(name, {})
    labels = sorted(k for k in by_year if not k.startswith("_"))
    chosen = [lab for lab in labels if lab <= year_label]
    if chosen:
        return frozenset(by_year[chosen[-1]])
    if labels:
        return frozenset(by_year[labels[0]])
    return codes(name)


def ssda903_files() -> dict[str, list[str]]:
    """903 file name -> DfE column names, in file order."""
    files: dict[str, list[str]] = _ssda903()["files"]
    return files


def meaning(column: str) -> str:
    """Plain-English meaning of a DfE column."""
    meanings: dict[str, str] = _ssda903()["column_meanings"]
    return meanings.get(column, "")


def all_list_names() -> list[str]:
    return sorted(set(_ssda903()["code_lists"]) | set(PRACTICE))
