"""Import a package's many small modules quickly, from one file of compiled code.

The validation rules (~320 ``rule_*.py``) and the measures (~60 ``m_*.py``) are one module each.
Importing a module through Python's import system costs a few hundred microseconds of finding,
checking and reading its cached bytecode; for 320 small modules that is most of a tenth of a
second, a fifth of the time budget of validating a small authority. Their compiled code is
therefore kept together in one file in the cache folder (``lib.cache``), checked against each
source file's size and modification time, and run in one pass. A changed, new or removed file is
noticed and only that file compiled again. When the cache cannot be used the modules are
imported in the usual way. Either way each module is a normal module in ``sys.modules`` with its
spec, loader and file, so tracebacks and ``inspect`` work as usual.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import marshal
import os
import sys
from pathlib import Path
from types import CodeType

from lookedafter.lib import cache

_Signature = tuple[str, int, int]  # file name, modification time (ns), size


def import_modules(package: str, directory: Path, prefix: str) -> None:
    """Import every ``<prefix>*.py`` module of ``package`` (found in ``directory``)."""
    try:
        entries = sorted(
            (e.name, e.stat())
            for e in os.scandir(directory)
            if e.name.startswith(prefix) and e.name.endswith(".py")
        )
    except OSError:
        entries = []
    signature = [(name, st.st_mtime_ns, st.st_size) for name, st in entries]
    codes = _bundle(directory, signature) if signature else None
    for name, _, _ in signature:
        module_name = f"{package}.{name.removesuffix('.py')}"
        if module_name in sys.modules:
            continue  # already imported (by a test run, say): running it again would re-register
        if codes is None:
            importlib.import_module(module_name)
            continue
        path = directory / name
        spec = importlib.util.spec_from_file_location(module_name, path)
        if spec is None:  # pragma: no cover (a .py file always has a spec)
            importlib.import_module(module_name)
            continue
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module
        try:
            exec(codes[name], module.__dict__)  # noqa: S102 - our own package's files, compiled here
        except BaseException:
            del sys.modules[module_name]
            raise


def _bundle(directory: Path, signature: list[_Signature]) -> dict[str, CodeType] | None:
    """The compiled code of each file, from the cache when it is current (made or brought up to
    date otherwise); None when the cache folder cannot be used."""
    folder = cache.folder("modules")
    if folder is None:
        return None
    key = hashlib.sha256(f"{directory.resolve()}|{sys.version}".encode()).hexdigest()[:24]
    path = folder / f"{key}.marshal"
    kept: dict[_Signature, CodeType] = {}
    try:
        # the user's own cache folder: as trusted as the __pycache__ folders Python reads
        stored_signature, stored_codes = marshal.loads(path.read_bytes())  # noqa: S302
        kept = {tuple(sig): code for sig, code in zip(stored_signature, stored_codes, strict=True)}
    except (OSError, EOFError, ValueError, TypeError):
        pass  # no bundle yet, or an unreadable one: build it
    codes: dict[str, CodeType] = {}
    changed = False
    for sig in signature:
        code = kept.get(sig)
        if code is None:
            name = sig[0]
            source = (directory / name).read_bytes()
            code = compile(source, str(directory / name), "exec", dont_inherit=True)
            changed = True
        codes[sig[0]] = code
    if changed or len(kept) != len(signature):
        data = marshal.dumps(([list(s) for s in signature], [codes[s[0]] for s in signature]))
        cache.write_atomic(path, data)
    return codes
