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

    // later: grader.js widgets.js              (read only after Z.need has loaded them; this line may be left out)

The script defines `Zhineng` once (as window.Zhineng) and runs the modules in order; tests/js/runtime.js loads
them the same way under Node, from the same lines. Same files in, same bytes out.

A channel may ship later parts beside its launch script: each one more script holding the modules its roots bring
in that the launch script does not, loaded by parts.js (`Z.need`) the first time a page needs one of them. The
launch script starts by naming the part of each module a `// later:` line names (`Zhineng.PARTS`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..errors import ZhinengError
from .strip import strip_js

FOLDER = "scorm_export/runtime"
_DECLARATION = re.compile(r"^// (needs|optional|later):(.*)$", re.M)
_NAME = re.compile(r"[a-z0-9][a-z0-9-]*\.js")


@dataclass(frozen=True)
class RuntimeModule:
    name: str
    needs: tuple[str, ...]
    optional: tuple[str, ...]
    later: tuple[str, ...]
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
    return RuntimeModule(name, found["needs"], found.get("optional", ()), found.get("later", ()), source)


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


def part_modules(
    modules: Mapping[str, RuntimeModule], parts: Sequence[tuple[str, Sequence[str]]], channel: str = "this"
) -> dict[str, list[str]]:
    """Each part's modules in load order: the first part (the launch script) is its roots and all they need; a
    later part is what its roots bring in besides the launch script's. Every module a shipped module reads
    `later` must be in some part, and no module in two later parts (each would define it again)."""
    (launch_file, launch_roots), *later = parts
    out = {launch_file: module_order(modules, launch_roots, channel)}
    placed = dict.fromkeys(out[launch_file], launch_file)
    for file, roots in later:
        names = [
            n for n in module_order(modules, roots, channel) if n not in placed or placed[n] != launch_file
        ]
        for name in names:
            if name in placed:
                raise ZhinengError(
                    f"the {channel} channel would ship {FOLDER}/{name} in {placed[name]} and in {file}: "
                    "bring it in at launch, or in one of them"
                )
            placed[name] = file
        out[file] = names
    for name in placed:
        missing = [n for n in modules[name].later if n not in placed]
        if missing:
            raise ZhinengError(
                f"{FOLDER}/{name} reads '{missing[0]}' later, but the {channel} channel ships it in no part"
            )
    return out


def assemble(channel: str, sources: Mapping[str, str], roots: Sequence[str]) -> bytes:
    """One script for a channel: its launch script when it has no later parts (assemble_parts)."""
    return assemble_parts(channel, sources, [("zhineng.js", roots)])["zhineng.js"]


def assemble_parts(
    channel: str, sources: Mapping[str, str], parts: Sequence[tuple[str, Sequence[str]]]
) -> dict[str, bytes]:
    """A channel's scripts by file name: a header naming its modules, then each module stripped of comments and
    indentation under a `// <file>` line, inside one function that owns the `Zhineng` namespace. The first
    (launch) script creates the namespace and names the part holding each later module; a later part adds to
    it."""
    modules = {name: parse_module(name, text) for name, text in sources.items()}
    placed = part_modules(modules, parts, channel)
    launch_file = parts[0][0]
    out: dict[str, bytes] = {}
    for file, names in placed.items():
        first = file == launch_file
        what = f"{channel} channel" if first else f"{channel} channel, loaded when a page needs it"
        lines = [
            f"/* zhineng runtime, {what}: assembled from {FOLDER}/ ({', '.join(names)}). */",
            "(function (Zhineng) {",
        ]
        if first and len(placed) > 1:
            # Only the modules a `// later:` line names: the ones Z.need is asked for.
            asked = {n for f, ns in placed.items() for m in ns for n in modules[m].later}
            table = ",".join(
                f'"{n}":"{f}"' for f, ns in placed.items() if f != launch_file for n in ns if n in asked
            )
            lines.append(f"Zhineng.PARTS={{{table}}};")
        for name in names:
            lines += [f"// {name}", strip_js(f"{FOLDER}/{name}", modules[name].source)]
        lines.append("})(window.Zhineng = {});\n" if first else "})(window.Zhineng);\n")
        out[file] = "\n".join(lines).encode("utf-8")
    return out
