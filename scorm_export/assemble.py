"""Assemble the runtime's modules into one script: the modules a channel starts from, everything their `// needs:`
lines bring in, dependencies first.

A module is one file in scorm_export/runtime/ of this shape (docs/scorm-runtime.md, "Modules"):

    /* what it is for */
    // needs: scorm-table.js responses.js      (the modules it reads from Z; may be empty)
    // optional: xapi-adapter.js               (read only when the channel ships it; this line may be left out)
    (function (Z) {
      "use strict";
      ...
      Z.Adapter = Adapter;                     (what it offers the others)
    })(Zhineng);

The script defines `Zhineng` once (as window.Zhineng) and runs the modules in order; tests/js/runtime.js loads
them the same way under Node, from the same lines. Same files in, same bytes out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..errors import ZhinengError
from .strip import strip_js

FOLDER = "scorm_export/runtime"
_DECLARATION = re.compile(r"^// (needs|optional):(.*)$", re.M)
_NAME = re.compile(r"[a-z0-9][a-z0-9-]*\.js")


@dataclass(frozen=True)
class RuntimeModule:
    name: str
    needs: tuple[str, ...]
    optional: tuple[str, ...]
    source: str


def parse_module(name: str, source: str) -> RuntimeModule:
    """Read a module's `// needs:` and `// optional:` lines (the first of each kind; `needs` is required)."""
    found: dict[str, tuple[str, ...]] = {}
    for match in _DECLARATION.finditer(source):
        kind, names = match.group(1), tuple(match.group(2).split())
        line = source.count("\n", 0, match.start()) + 1
        if kind in found:
            raise ZhinengError(f"{FOLDER}/{name}:{line}: a second '// {kind}:' line; declare them once")
        bad = [n for n in names if not _NAME.fullmatch(n)]
        if bad:
            raise ZhinengError(
                f"{FOLDER}/{name}:{line}: '{bad[0]}' is not a module file name (like state.js)"
            )
        found[kind] = names
    if "needs" not in found:
        raise ZhinengError(
            f"{FOLDER}/{name}:1: no '// needs:' line (list the modules it reads, or leave it empty)"
        )
    return RuntimeModule(name, found["needs"], found.get("optional", ()), source)


def module_order(
    modules: Mapping[str, RuntimeModule], roots: Sequence[str], channel: str = "this"
) -> list[str]:
    """The roots and all they need, each after what it needs; ties keep the declared order, so the order is
    a function of the files alone. An optional module counts only when something else brings it in."""
    shipped: set[str] = set()

    def collect(name: str, wanted_by: str) -> None:
        if name not in modules:
            raise ZhinengError(f"{wanted_by} needs '{name}', which is not in {FOLDER}/")
        if name not in shipped:
            shipped.add(name)
            for dep in modules[name].needs:
                collect(dep, f"{FOLDER}/{name}")
            for dep in modules[name].optional:
                if dep not in modules:
                    raise ZhinengError(f"{FOLDER}/{name} may use '{dep}', which is not in {FOLDER}/")

    for root in roots:
        collect(root, f"the {channel} channel")
    order: list[str] = []
    visiting: list[str] = []

    def visit(name: str) -> None:
        if name in order:
            return
        if name in visiting:
            cycle = " -> ".join([*visiting[visiting.index(name) :], name])
            raise ZhinengError(f"{FOLDER}: the modules need each other in a circle: {cycle}")
        visiting.append(name)
        module = modules[name]
        for dep in (*module.needs, *(o for o in module.optional if o in shipped)):
            visit(dep)
        visiting.pop()
        order.append(name)

    for root in roots:
        visit(root)
    return order


def assemble(channel: str, sources: Mapping[str, str], roots: Sequence[str]) -> bytes:
    """One script for a channel: a header naming its modules, then each module stripped of comments and
    indentation under a `// <file>` line, inside one function that owns the `Zhineng` namespace."""
    modules = {name: parse_module(name, text) for name, text in sources.items()}
    names = module_order(modules, roots, channel)
    parts = [
        f"/* zhineng runtime, {channel} channel: assembled from {FOLDER}/ ({', '.join(names)}). */",
        "(function (Zhineng) {",
    ]
    for name in names:
        parts += [f"// {name}", strip_js(f"{FOLDER}/{name}", modules[name].source)]
    parts.append("})(window.Zhineng = {});\n")
    return "\n".join(parts).encode("utf-8")
