"""The cmi5 package: cmi5.xml against the official course-structure XSD (vendored from the AICC cmi5
specification repository, cmi5_export/schemas/NOTICE.md) and the structure the LMS reads, the AU folders, the
CASE IRIs in the payload, the exporter."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from zhineng.cmi5_export import package as cmi5_package
from zhineng.cmi5_export.exporter import CMI5
from zhineng.cmi5_export.ids import activity_iri, parse_activity_iri
from zhineng.cmi5_export.package import build_cmi5
from zhineng.cmi5_export.xsd import SCHEMA
from zhineng.modules.case import case_identifier, case_uri
from zhineng.modules.course import Course
from zhineng.modules.loader import load_course

from zhineng.errors import ZhinengError
from zhineng.exporter import ExportOptions

NS = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd"
SMALL = Path(__file__).resolve().parent / "fixtures" / "course_small"
MOVE_ON = {"Passed", "Completed", "CompletedAndPassed", "CompletedOrPassed", "NotApplicable"}
LAUNCH_METHODS = {"AnyWindow", "OwnWindow"}


@pytest.fixture(scope="module")
def small() -> Course:
    return load_course([SMALL])


@pytest.fixture(scope="module")
def official_xsd() -> etree.XMLSchema:
    """The vendored file, parsed here by lxml directly: the test does not trust the exporter's own checker."""
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def tag(el: etree._Element) -> str:
    return etree.QName(el).localname


def test_cmi5_xml_has_one_au_per_module_with_the_mastery_rule(builtin_course: Course) -> None:
    [(name, files)] = build_cmi5(builtin_course)
    assert name == "zhineng-cmi5-course.zip"
    paths = {f.path for f in files}
    root = etree.fromstring(next(f.data for f in files if f.path == "cmi5.xml"))
    assert etree.QName(root).namespace == NS and tag(root) == "courseStructure"
    children = list(root)
    assert [tag(c) for c in children] == ["course"] + ["au"] * len(builtin_course.modules)
    course = children[0]
    assert [tag(c) for c in course] == ["title", "description"]
    assert course.get("id").startswith("urn:zhineng:")
    ids = {course.get("id")}
    for au, module in zip(children[1:], builtin_course.modules, strict=True):
        assert [tag(c) for c in au] == ["title", "description", "url"]  # the XSD's sequence
        assert au.get("moveOn") in MOVE_ON and au.get("launchMethod") in LAUNCH_METHODS
        assert float(au.get("masteryScore")) == module.mastery.threshold
        for text in au.iterfind(f"{{{NS}}}title/{{{NS}}}langstring"):
            assert text.get("lang") == module.language and text.text == module.title
        url = au.findtext(f"{{{NS}}}url")
        assert url == f"au/{module.id}/index.html" and url in paths  # relative, inside the package
        ids.add(au.get("id"))
    assert len(ids) == len(children)  # every course and AU id is distinct


def test_the_au_page_loads_the_xapi_adapter_and_its_payload_names_items_by_case_iri(small: Course) -> None:
    [(_name, files)] = build_cmi5(small)
    by_path = {f.path: f.data for f in files}
    module = small.modules[0]
    page = by_path[f"au/{module.id}/index.html"].decode()
    assert '<script src="../../shared/zhineng.js"></script>' in page
    script = by_path["shared/zhineng.js"].decode()
    modules = re.findall(r"^// ([a-z0-9-]+\.js)$", script, re.M)
    for name in (
        "xapi-launch.js",
        "xapi-statements.js",
        "xapi-outbox.js",
        "xapi-sender.js",
        "xapi-adapter.js",
    ):
        assert modules.index(name) < modules.index("player.js")  # the player finds them when it boots
    data = by_path[f"au/{module.id}/data.js"].decode()
    payload = json.loads(data.removeprefix("window.ZHINENG_SCO = ").rstrip().removesuffix(";"))
    items = payload["xapi"]["items"]
    for ident in [*payload["objectives"]["knowledge"], *payload["objectives"]["attitudes"]]:
        assert items[ident] == case_uri(case_identifier(small.standard, ident), None)
    # The runtime appends ids to these prefixes; the report reads the ids back from the same home.
    au = payload["xapi"]["au"]
    for kind, prefix in payload["xapi"]["activities"].items():
        assert (
            parse_activity_iri(prefix + "X-1")
            == (kind, "X-1")
            == parse_activity_iri(activity_iri(au, kind, "X-1"))
        )
    assert set(payload["xapi"]["activities"]) == {"question", "reflection", "task"}
    assert (
        parse_activity_iri(au) is None and parse_activity_iri("https://x.example/au/M1/question/Q1") is None
    )


def test_export_is_reproducible_and_honours_modules(small: Course) -> None:
    first = CMI5.run(small, ExportOptions())
    assert first == CMI5.run(small, ExportOptions())
    [(name, data)] = CMI5.run(small, ExportOptions(modules=(small.modules[0].id,)))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "cmi5.xml" in archive.namelist()
        assert {n.split("/")[1] for n in archive.namelist() if n.startswith("au/")} == {small.modules[0].id}


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"layout"}, "the cmi5 export is always one course package; --layout applies to SCORM only"),
        (
            {"profile", "modules"},
            "the cmi5 export is always one course package; --profile applies to SCORM only",
        ),
    ],
)
def test_refuses_options_it_does_not_understand(given: set[str], message: str) -> None:
    with pytest.raises(ZhinengError) as err:
        CMI5.refuse_unsupported(given)
    assert str(err.value) == message


def test_an_unknown_module_is_refused(small: Course) -> None:
    with pytest.raises(ZhinengError) as err:
        CMI5.run(small, ExportOptions(modules=("NOPE",)))
    assert str(err.value).startswith("unknown module 'NOPE' (known: ")


def test_options_it_does_not_understand_reach_it_at_their_defaults(small: Course) -> None:
    # under `export --all`, `--profile moodle --layout per-module` shape the SCORM zips only
    assert CMI5.run(small, ExportOptions(layout="per-module", profile="moodle")) == CMI5.run(
        small, ExportOptions()
    )


def cmi5_xml(archive: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(archive)) as z:
        return z.read("cmi5.xml")


def test_every_exported_cmi5_xml_is_valid_against_the_official_xsd(
    builtin_course: Course, small: Course, official_xsd: etree.XMLSchema
) -> None:
    exports = [
        *CMI5.run(builtin_course, ExportOptions()),
        *CMI5.run(small, ExportOptions()),
        *CMI5.run(builtin_course, ExportOptions(modules=(builtin_course.modules[-1].id,))),
    ]
    for _name, archive in exports:
        doc = etree.fromstring(cmi5_xml(archive))
        assert official_xsd.validate(doc), official_xsd.error_log


def test_the_official_xsd_is_vendored_unchanged_with_its_licence() -> None:
    folder = SCHEMA.parent
    digest = hashlib.sha256(SCHEMA.read_bytes()).hexdigest()
    notice = (folder / "NOTICE.md").read_text(encoding="utf-8")
    assert digest in notice and "github.com/AICC/CMI-5_Spec_Current" in notice
    assert "Apache License" in (folder / "LICENSE.cmi5-spec").read_text(encoding="utf-8")


def test_an_invalid_course_structure_stops_the_export(small: Course, monkeypatch: pytest.MonkeyPatch) -> None:
    broken = cmi5_package.render_course_structure

    def render(*args: object) -> bytes:
        return broken(*args).replace(b'moveOn="CompletedAndPassed"', b'moveOn="Sometimes"')  # type: ignore[arg-type]

    monkeypatch.setattr(cmi5_package, "render_course_structure", render)
    with pytest.raises(ZhinengError) as err:
        build_cmi5(small)
    assert str(err.value).startswith("cmi5.xml is not valid against the cmi5 XSD:\n  line ")
    assert "'Sometimes' is not an element of the set" in str(err.value)
