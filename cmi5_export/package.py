"""Build the cmi5 course package in memory: cmi5.xml, the shared runtime, one AU folder per module.

cmi5.xml                        the course structure (root, as cmi5 section 14 requires)
shared/<runtime files>          the same player as the SCORM packages, with xapi-adapter.js
au/<MODULE_ID>/index.html, data.js
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..cjk_breaks import join_cjk_lines
from ..errors import ZhinengError
from ..files import OutFile
from ..modules.course import Course
from ..scorm_export.budget import check_budget
from ..scorm_export.package import select_modules
from ..scorm_export.runtime_files import Runtime, load_runtime
from ..script_json import js_file_json
from .course_xml import AuEntry, CourseEntry, render_course_structure
from .ids import course_iri
from .payload import au_payload
from .xsd import course_structure_errors

PACKAGE_NAME = "zhineng-cmi5-course.zip"
COURSE_STRUCTURE = "cmi5.xml"
SHARED_DIR = "shared"


def build_cmi5(
    course: Course,
    modules: Sequence[str] | None = None,
    runtime: Runtime | None = None,
    made: Callable[[bytes], None] | None = None,
) -> list[tuple[str, list[OutFile]]]:
    """(zip name, files): one package, one AU per selected module. `made` is given each AU's data as soon as it
    is made (export starts deflating it meanwhile)."""
    selected = select_modules(course, modules)
    runtime = runtime or load_runtime("cmi5")
    files = [OutFile(f"{SHARED_DIR}/{name}", data) for name, data in runtime.shared.items()]
    aus = []
    for module in selected:
        payload = au_payload(course, module)
        check_budget(payload)  # the state document holds the same suspend_data
        folder = f"au/{module.id}"
        data_js = "window.ZHINENG_SCO = " + js_file_json(payload)
        data = (data_js + ";\n").encode()
        if made:
            made(data)
        files += [
            OutFile(
                f"{folder}/index.html", runtime.launch_page(module.title, module.language, "../../shared")
            ),
            OutFile(f"{folder}/data.js", data),
        ]
        aus.append(
            AuEntry(
                iri=payload["xapi"]["au"],
                title=module.title,
                description=join_cjk_lines((module.description or module.title).strip()),
                language=module.language,
                url=f"{folder}/index.html",
                mastery=module.mastery.threshold,
            )
        )
    std = course.standard
    head = CourseEntry(
        course_iri(std), std.title, join_cjk_lines(std.job_description or std.title), std.language
    )
    structure = render_course_structure(head, aus)
    problems = course_structure_errors(structure)
    if problems:  # a defect of the exporter, not of the course: say so rather than ship what an LMS refuses
        raise ZhinengError(
            f"{COURSE_STRUCTURE} is not valid against the cmi5 XSD:\n  " + "\n  ".join(problems)
        )
    files.append(OutFile(COURSE_STRUCTURE, structure))
    return [(PACKAGE_NAME, sorted(files, key=lambda f: f.path))]
