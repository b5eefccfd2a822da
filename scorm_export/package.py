"""Build SCORM packages in memory: for each zip, its name and its files. No file is written here.

Gather, validate, then hand over: every payload passes the suspend_data budget, every manifest passes the
vendored XSDs and the semantic lint, before any zip exists. Layout (docs/scorm-design.md):

    imsmanifest.xml, the version's .xsd/.dtd control files   (root, as the CAM requires)
    shared/<runtime files>                                  (one asset resource)
    sco/<MODULE_ID>/index.html, data.js                     (one SCO resource per module)
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import cast

from ..cjk_breaks import join_cjk_lines
from ..errors import ZhinengError
from ..files import OutFile
from ..modules.course import Course
from ..modules.model import Module
from ..script_json import js_file_json
from .budget import check_budget
from .layouts import LAYOUTS
from .lint import MANIFEST, lint_manifest
from .manifest import VERSIONS, render_manifest
from .payload import Version, content_hash, sco_payload
from .plan import ManifestPlan, ScoEntry
from .profiles import profile_switches
from .runtime_files import Runtime, load_runtime
from .xsd import control_files, xsd_errors

SHARED_DIR = "shared"


def build_packages(
    course: Course,
    version: str,
    layout: str = "course",
    profile: str = "strict",
    modules: Sequence[str] | None = None,
    runtime: Runtime | None = None,
    scos: dict[str, Sco] | None = None,
    made: Callable[[bytes], None] | None = None,
) -> list[tuple[str, list[OutFile]]]:
    """(zip name, files) per package. `runtime` replaces the installed runtime (tests pin it). `scos` keeps each
    module's SCO between calls for one course, version and profile: the layouts of `export --all` share them.
    `made` is given each SCO's data as soon as it is made (export starts deflating it meanwhile)."""
    if version not in VERSIONS:
        raise ZhinengError(f"unknown SCORM version '{version}' (known: {', '.join(VERSIONS)})")
    if layout not in LAYOUTS:
        raise ZhinengError(f"unknown layout '{layout}' (known: {', '.join(LAYOUTS)})")
    profile_switches(profile)  # refuses an unknown profile before any work
    selected = select_modules(course, modules)
    scos = {} if scos is None else scos
    for module in selected:
        if module.id not in scos:
            scos[module.id] = _sco(course, module, version, profile)
            if made:
                made(scos[module.id].data.data)
    # Asked for once the SCOs are built: `export --all` has it assembled meanwhile on another CPU.
    runtime = runtime or load_runtime()
    if layout == "course":
        groups = [(f"zhineng-{version}-course.zip", "course", selected)]
    else:
        groups = [(f"zhineng-{version}-{m.id}.zip", m.id, (m,)) for m in selected]
    return [
        (name, _package(course, group, scope, version, profile, runtime, scos))
        for name, scope, group in groups
    ]


def select_modules(course: Course, wanted: Sequence[str] | None) -> tuple[Module, ...]:
    """The chosen modules in course order; an unknown id is the user's mistake."""
    if not wanted:
        return course.modules
    known = [m.id for m in course.modules]
    unknown = [w for w in wanted if w not in known]
    if unknown:
        raise ZhinengError(f"unknown module '{unknown[0]}' (known: {', '.join(known)})")
    return tuple(m for m in course.modules if m.id in set(wanted))


@dataclass(frozen=True)
class Sco:
    """One module's SCO: its data and its manifest entry, the same in every layout (its launch page is the
    runtime's template with the module's title: made with the package)."""

    data: OutFile
    entry: ScoEntry

    def files(self, runtime: Runtime, module: Module) -> tuple[OutFile, ...]:
        launch = runtime.launch_page(module.title, module.language, f"../../{SHARED_DIR}")
        return (OutFile(self.entry.href, launch), self.data)


def _sco(course: Course, module: Module, version: str, profile: str) -> Sco:
    payload = sco_payload(course, module, cast(Version, version), profile)
    check_budget(payload)
    folder = f"sco/{module.id}"
    data_js = "window.ZHINENG_SCO = " + js_file_json(payload)
    data = OutFile(f"{folder}/data.js", (data_js + ";\n").encode())
    entry = ScoEntry(
        module_id=module.id,
        title=module.title,
        href=f"{folder}/index.html",
        files=(f"{folder}/index.html", data.path),
        knowledge=tuple(payload["objectives"]["knowledge"]),
    )
    return Sco(data, entry)


def _package(
    course: Course,
    group: Sequence[Module],
    scope: str,
    version: str,
    profile: str,
    runtime: Runtime,
    scos: dict[str, Sco],
) -> list[OutFile]:
    files = [OutFile(f"{SHARED_DIR}/{name}", data) for name, data in runtime.shared.items()]
    entries = []
    for module in group:
        sco = scos[module.id]
        files += sco.files(runtime, module)
        entries.append(sco.entry)
    controls = control_files(version)
    shared = tuple(sorted(f"{SHARED_DIR}/{n}" for n in runtime.shared))
    plan = _plan(course, group, scope, entries, shared, tuple(sorted(controls)))
    manifest = render_manifest(plan, version)
    files += [OutFile(name, data) for name, data in controls.items()]
    files.append(OutFile(MANIFEST, manifest))
    _check_manifest(manifest, [f.path for f in files], version, scope)
    return sorted(files, key=lambda f: f.path)


def _plan(
    course: Course,
    group: Sequence[Module],
    scope: str,
    entries: list[ScoEntry],
    shared: tuple[str, ...],
    controls: tuple[str, ...],
) -> ManifestPlan:
    std = course.standard
    single = group[0] if scope != "course" else None
    digest = hashlib.sha256("".join(content_hash(m) for m in group).encode()).hexdigest()[:8]
    tasks = {t.id: t.title for t in std.tasks}
    keywords = dict.fromkeys([std.title, *(tasks[m.task] for m in group if m.task in tasks)])
    return ManifestPlan(
        identifier=f"zhineng-{re.sub(r'[^A-Za-z0-9_.-]', '_', std.id)}-{scope}",
        revision=f"{std.version}+{digest}"[:20],
        title=single.title if single else std.title,
        description=join_cjk_lines(single.description if single else std.job_description),
        language=single.language if single else std.language,
        keywords=tuple(keywords),
        standard_id=std.id,
        scos=tuple(entries),
        shared_files=shared,
        control_files=controls,
    )


def _check_manifest(manifest: bytes, paths: list[str], version: str, scope: str) -> None:
    problems = [f"XSD: {e}" for e in xsd_errors(manifest, version)]
    problems += lint_manifest(manifest, paths, version)
    if problems:
        listing = "\n  ".join(problems)
        raise ZhinengError(f"the {version} manifest for '{scope}' is not valid:\n  {listing}")
