"""Rule modules load the same from the compiled bundle as through the import system."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lookedafter.lib import modules

LIST_RULES = """
import json, sys
from lookedafter.validation import registry
rules = registry.all_rules()
print(json.dumps([
    [r.code, r.message, r.table, list(r.fields), list(r.needs), r.since, r.until,
     r.func.__module__, r.func.__qualname__, r.func.__code__.co_filename,
     sys.modules[r.func.__module__].__spec__.origin]
    for r in rules
]))
"""


def _rules(cache: Path) -> list[list[object]]:
    env = {**os.environ, "LOOKEDAFTER_CACHE": str(cache)}
    out = subprocess.run(  # noqa: S603 - this interpreter, fixed script
        [sys.executable, "-c", LIST_RULES], env=env, capture_output=True, text=True, check=True
    )
    rules: list[list[object]] = json.loads(out.stdout)
    return rules


def test_bundle_gives_the_same_rules_as_importing(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")  # no cache folder: plain imports
    imported = _rules(blocker)
    first = _rules(tmp_path / "cache")  # builds the bundle
    assert list((tmp_path / "cache" / "modules").glob("*.marshal"))
    again = _rules(tmp_path / "cache")  # reads it
    assert len(imported) > 300
    assert first == imported
    assert again == imported


def _package(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "__init__.py").write_text("")
    (folder / "rule_a.py").write_text("VALUE = 1\n")
    (folder / "rule_b.py").write_text("VALUE = 2\n")
    (folder / "helper.py").write_text("raise RuntimeError('not a rule file')\n")
    return folder


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, Path]:
    monkeypatch.setenv("LOOKEDAFTER_CACHE", str(tmp_path / "cache"))
    monkeypatch.syspath_prepend(str(tmp_path))
    name = f"fake_rules_{os.getpid()}"
    folder = _package(tmp_path, name)
    yield name, folder
    for module in [m for m in sys.modules if m.startswith(name)]:
        del sys.modules[module]


def _fresh(name: str) -> None:
    for module in [m for m in sys.modules if m.startswith(f"{name}.")]:
        del sys.modules[module]


def test_a_changed_file_is_compiled_again(package: tuple[str, Path]) -> None:
    name, folder = package
    modules.import_modules(name, folder, "rule_")
    assert sys.modules[f"{name}.rule_b"].VALUE == 2
    assert f"{name}.helper" not in sys.modules  # only rule_*.py files
    _fresh(name)
    (folder / "rule_b.py").write_text("VALUE = 'changed'\n")  # another size: noticed
    (folder / "rule_c.py").write_text("VALUE = 3\n")
    modules.import_modules(name, folder, "rule_")
    assert sys.modules[f"{name}.rule_b"].VALUE == "changed"
    assert sys.modules[f"{name}.rule_c"].VALUE == 3
    assert sys.modules[f"{name}.rule_a"].__spec__.origin == str(folder / "rule_a.py")


def test_a_damaged_bundle_is_rebuilt(package: tuple[str, Path], tmp_path: Path) -> None:
    name, folder = package
    modules.import_modules(name, folder, "rule_")
    (bundle,) = (tmp_path / "cache" / "modules").glob("*.marshal")
    bundle.write_bytes(b"\x00garbage")
    _fresh(name)
    modules.import_modules(name, folder, "rule_")
    assert sys.modules[f"{name}.rule_a"].VALUE == 1
    assert bundle.read_bytes() != b"\x00garbage"


def test_a_failing_module_is_not_left_half_imported(package: tuple[str, Path]) -> None:
    name, folder = package
    (folder / "rule_a.py").write_text("raise ValueError('broken rule file')\n")
    with pytest.raises(ValueError, match="broken rule file"):
        modules.import_modules(name, folder, "rule_")
    assert f"{name}.rule_a" not in sys.modules
