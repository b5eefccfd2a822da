"""SCORM packaging: XSD-valid manifests, the semantic lint, every file listed, reproducible and atomic zips,
the CLI's exit codes and messages, golden manifests, and the preview server."""

from __future__ import annotations

import http.client
import os
import re
import threading
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import patience
import pytest
import yaml
from lxml import etree
from zhineng.modules.course import Course
from zhineng.modules.course_files import display_path
from zhineng.modules.loader import load_course
from zhineng.scorm_export import package as package_module
from zhineng.scorm_export.lint import lint_manifest
from zhineng.scorm_export.package import build_packages
from zhineng.scorm_export.payload import sco_payload
from zhineng.scorm_export.preview.server import make_server, preview_site
from zhineng.scorm_export.profiles import PROFILES, profile_switches
from zhineng.scorm_export.runtime_files import Runtime, load_runtime
from zhineng.scorm_export.xsd import control_files, xsd_errors

from zhineng.errors import ZhinengError
from zhineng.files import OutFile, zip_bytes

VERSIONS = ("scorm12", "scorm2004")
LAYOUTS = ("course", "per-module")
TESTS = Path(__file__).resolve().parent
SMALL = TESTS / "fixtures" / "course_small"
GOLDEN = TESTS / "golden"
# A fixed stand-in for scorm_export/runtime/, so the golden manifests change only with packaging itself.
STUB_RUNTIME = Runtime(
    template='<html lang="{{LANG}}"><title>{{TITLE}}</title><script src="{{SHARED}}/zhineng.js"></script></html>',
    shared={name: b"/* stub */\n" for name in ("zhineng.css", "zhineng.js")},
)


@pytest.fixture(scope="module")
def small_course() -> Course:
    return load_course([SMALL])


def _courses(builtin: Course, small: Course) -> dict[str, Course]:
    return {"builtin": builtin, "small": small}


def _manifest(files: list[OutFile]) -> bytes:
    return next(f.data for f in files if f.path == "imsmanifest.xml")


def _listed(manifest: bytes) -> set[str]:
    root = etree.fromstring(manifest)
    return {el.get("href") for el in root.iter() if etree.QName(el).localname == "file"}


# --- valid manifests, every file listed -------------------------------------------------------------


@pytest.mark.parametrize("which", ["builtin", "small"])
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("version", VERSIONS)
def test_manifests_are_valid_and_list_every_file(
    builtin_course: Course, small_course: Course, which: str, layout: str, version: str
) -> None:
    course = _courses(builtin_course, small_course)[which]
    packages = build_packages(course, version, layout)
    expected_names = (
        [f"zhineng-{version}-course.zip"]
        if layout == "course"
        else [f"zhineng-{version}-{m.id}.zip" for m in course.modules]
    )
    assert [name for name, _ in packages] == expected_names
    controls = control_files(version)
    for _, files in packages:
        manifest = _manifest(files)
        paths = [f.path for f in files]
        assert xsd_errors(manifest, version) == []
        assert lint_manifest(manifest, paths, version) == []
        # Every entry is listed, the CAM's control files at the root included; only the manifest is not.
        assert _listed(manifest) == set(paths) - {"imsmanifest.xml"}
        assert {p for p in paths if "/" not in p} == {"imsmanifest.xml", *controls}


def test_2004_sequencing_maps_each_knowledge_item_to_a_global_objective(small_course: Course) -> None:
    [(_, files)] = build_packages(small_course, "scorm2004")
    root = etree.fromstring(_manifest(files))
    ns = {"ss": "http://www.imsglobal.org/xsd/imsss", "cp": "http://www.imsglobal.org/xsd/imscp_v1p1"}
    item = root.find(".//cp:item[@identifier='ITEM-M1']", ns)
    assert item is not None
    # Passing is the SCO's per-K rule: no score threshold for an LMS to apply over it.
    primary = item.find(".//ss:primaryObjective", ns)
    assert primary is not None and primary.get("satisfiedByMeasure") == "false" and len(primary) == 0
    targets = {
        o.get("objectiveID"): o.find("ss:mapInfo", ns).get("targetObjectiveID")  # type: ignore[union-attr]
        for o in item.iterfind(".//ss:objective", ns)
    }
    assert targets == {"K1": "urn:zhineng:icap-ecommerce-marketing-planner:K1"}
    control = root.find(".//cp:organization/ss:sequencing/ss:controlMode", ns)
    assert control is not None and (control.get("flow"), control.get("choice")) == ("true", "true")


def test_12_items_carry_no_mastery_score(small_course: Course) -> None:
    [(_, files)] = build_packages(small_course, "scorm12")
    ns = {"adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
    scores = etree.fromstring(_manifest(files)).xpath("//adlcp:masteryscore", namespaces=ns)
    assert scores == []  # the SCO's passed/failed follows the per-K rule; an LMS must not recompute it


@pytest.mark.parametrize(
    ("version", "xpath", "attribute", "value", "expected"),
    [
        (
            "scorm12",
            "//*[local-name()='resource']",
            "{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype",
            "lesson",
            "The value 'lesson' is not an element of the set {'asset', 'sco'}",
        ),
        ("scorm2004", "//*[local-name()='organizations']", "default", None, None),
        (
            "scorm2004",
            "//*[local-name()='primaryObjective']",
            "satisfiedByMeasure",
            "yes",
            "'yes' is not a valid value of the atomic type 'xs:boolean'",
        ),
    ],
)
def test_xsd_validation_is_not_vacuous(  # type: ignore[no-untyped-def]
    small_course: Course, version, xpath, attribute, value, expected
) -> None:
    [(_, files)] = build_packages(small_course, version)
    root = etree.fromstring(_manifest(files))
    target = root.xpath(xpath)[0]
    if value is None:
        target.getparent().remove(target)  # a manifest without <organizations>
    else:
        target.set(attribute, value)
    errors = xsd_errors(etree.tostring(root), version)
    assert errors
    if expected:
        assert expected in errors[0]


# --- the semantic lint catches planted faults ---------------------------------------------------------


def _planted(small_course: Course, version: str, plant: str) -> list[str]:
    [(_, files)] = build_packages(small_course, version)
    paths = [f.path for f in files]
    root = etree.fromstring(_manifest(files))
    cp = etree.QName(root).namespace
    resources = [el for el in root.iter(f"{{{cp}}}resource")]
    if plant == "missing href":
        resources[0].find(f"{{{cp}}}file").set("href", "sco/M1/missing.js")  # type: ignore[union-attr]
    elif plant == "duplicate identifier":
        resources[1].set("identifier", resources[0].get("identifier"))  # type: ignore[arg-type]
    elif plant == "1.2 attribute":
        resources[0].set("{http://www.adlnet.org/xsd/adlcp_rootv1p2}scormtype", "sco")
    elif plant == "2004 element":
        etree.SubElement(root.find(f".//{{{cp}}}item"), "{http://www.imsglobal.org/xsd/imsss}sequencing")  # type: ignore[arg-type]
    elif plant == "absolute href":
        assets = next(r for r in resources if r.get("identifier") == "RES-ASSETS")
        assets.find(f"{{{cp}}}file").set("href", "/etc/passwd")  # type: ignore[union-attr]
    return lint_manifest(etree.tostring(root), paths, version)


def test_lint_catches_a_missing_href(small_course: Course) -> None:
    assert _planted(small_course, "scorm2004", "missing href") == [
        "resource 'RES-SCO-M1': href 'sco/M1/missing.js' is not in the package",
        "resource 'RES-SCO-M1': its launch file 'sco/M1/index.html' is not among its files",
        "'sco/M1/index.html' is in the package but no resource lists it",
    ]


def test_lint_catches_a_duplicate_identifier(small_course: Course) -> None:
    assert _planted(small_course, "scorm12", "duplicate identifier") == [
        "identifier 'RES-SCO-M1' is used 2 times",
        "item refers to 'RES-SCO-M3', which is not a resource",
    ]


def test_lint_catches_a_12_attribute_in_2004(small_course: Course) -> None:
    assert _planted(small_course, "scorm2004", "1.2 attribute") == [
        "attribute 'scormtype' on 'resource' belongs to SCORM 1.2"
    ]


def test_lint_catches_2004_sequencing_in_12(small_course: Course) -> None:
    assert _planted(small_course, "scorm12", "2004 element") == [
        "element 'sequencing' (http://www.imsglobal.org/xsd/imsss) belongs to SCORM 2004"
    ]


def test_lint_catches_an_absolute_path(small_course: Course) -> None:
    assert _planted(small_course, "scorm12", "absolute href") == [
        "resource 'RES-ASSETS': href '/etc/passwd' is not a relative path inside the package",
        "'shared/zhineng-en.js' is in the package but no resource lists it",
    ]


def test_a_build_with_lint_findings_raises(small_course: Course, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(package_module, "lint_manifest", lambda *args: ["planted finding"])
    with pytest.raises(
        ZhinengError, match="^the scorm12 manifest for 'course' is not valid:\n  planted finding$"
    ):
        build_packages(small_course, "scorm12", runtime=STUB_RUNTIME)


# --- payload, profiles and the launch page --------------------------------------------------------------


def test_payload_carries_the_profile_switches(small_course: Course) -> None:
    module = small_course.modules[0]
    for profile in PROFILES:
        payload = sco_payload(small_course, module, "scorm12", profile)
        assert payload["profileSwitches"] == PROFILES[profile]
    assert all(profile_switches("strict").values())
    assert not any(profile_switches("minimal").values())
    with pytest.raises(
        ZhinengError, match=r"^unknown LMS profile 'blackboard' \(known: strict, moodle, openedx, minimal\)$"
    ):
        build_packages(small_course, "scorm12", profile="blackboard")


def test_launch_page_is_filled_and_escaped(small_course: Course) -> None:
    page = STUB_RUNTIME.launch_page('<b> & "x"', "zh-TW", "../../shared").decode()
    assert page == (
        '<html lang="zh-TW"><title>&lt;b&gt; &amp; &quot;x&quot;</title>'
        '<script src="../../shared/zhineng.js"></script></html>'
    )
    [(_, files)] = build_packages(small_course, "scorm12", runtime=STUB_RUNTIME)
    by_path = {f.path: f.data for f in files}
    assert by_path["sco/M1/index.html"].startswith(b'<html lang="zh-TW"><title>')
    assert by_path["sco/M1/data.js"].startswith(b"window.ZHINENG_SCO = {")
    assert sorted(p for p in by_path if p.startswith("shared/")) == [
        f"shared/{n}" for n in sorted(STUB_RUNTIME.shared)
    ]


def test_unknown_module_is_refused(small_course: Course) -> None:
    with pytest.raises(ZhinengError, match=r"^unknown module 'T9' \(known: M1, M3\)$"):
        build_packages(small_course, "scorm12", modules=["M1", "T9"])
    [(_, files)] = build_packages(small_course, "scorm12", modules=["M3"])
    assert {f.path.split("/")[1] for f in files if f.path.startswith("sco/")} == {"M3"}


# --- reproducible bytes ---------------------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_zips_are_reproducible(builtin_course: Course, version: str) -> None:
    first = [zip_bytes(files) for _, files in build_packages(builtin_course, version)]
    second = [zip_bytes(files) for _, files in build_packages(builtin_course, version)]
    assert first == second
    with zipfile.ZipFile(BytesIO(first[0])) as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)
    assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
    assert all(not i.filename.startswith("/") and ".." not in i.filename.split("/") for i in infos)


def test_cli_export_twice_gives_the_same_bytes(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    runs = []
    for name in ("a", "b"):
        out = tmp_path / name
        assert cli("export", "--all", "--course", str(SMALL), "--out", str(out)).code == 0
        runs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert list(runs[0]) == [  # both SCORM layouts: one zip for the course, one per module
        "zhineng-ECMKT-2026.tar.gz",
        "zhineng-cmi5-course.zip",
        "zhineng-scorm12-M1.zip",
        "zhineng-scorm12-M3.zip",
        "zhineng-scorm12-course.zip",
        "zhineng-scorm2004-M1.zip",
        "zhineng-scorm2004-M3.zip",
        "zhineng-scorm2004-course.zip",
    ]
    assert runs[0] == runs[1]


# --- atomic failure -------------------------------------------------------------------------------------


def test_failed_write_leaves_no_zip_and_no_temp_file(cli, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def no_space(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("zhineng.files.os.replace", no_space)
    out = tmp_path / "dist"
    run = cli("export", "scorm12", "--course", str(SMALL), "--out", str(out))
    assert run.code == 1
    assert (
        run.err == f"zhineng: {out / 'zhineng-scorm12-course.zip'}: cannot write: No space left on device; "
        "nothing was written\n"
    )
    assert not out.exists()  # not even the folder made for it


def test_failure_while_building_writes_nothing(cli, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    real = package_module.sco_payload

    def fail_on_2004(course, module, version, profile):  # type: ignore[no-untyped-def]
        if version == "scorm2004":
            raise ZhinengError(f"module {module.id}: planted failure")
        return real(course, module, version, profile)

    monkeypatch.setattr(package_module, "sco_payload", fail_on_2004)
    out = tmp_path / "dist"
    run = cli("export", "--all", "--course", str(SMALL), "--out", str(out))
    assert (run.code, run.err) == (1, "zhineng: module M1: planted failure\n")
    assert not out.exists()  # scorm12 was built fine, but nothing is written unless everything is


def test_budget_failure_names_the_module(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    pytest.importorskip("zhineng.scorm_export.budget")
    data = yaml.safe_load((SMALL / "T1.yaml").read_text(encoding="utf-8"))
    reflection = data["reflections"][0]
    data["reflections"] = [
        {**reflection, "id": f"R{i}", "max_length": 10000} for i in range(7)
    ]  # 70,000 characters of reflection text cannot fit 2004's 64,000
    course_dir = tmp_path / "course"
    course_dir.mkdir()
    (course_dir / "T1.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "dist"
    run = cli("export", "scorm2004", "--course", str(course_dir), "--out", str(out))
    assert run.code == 1
    # Found when the course is loaded, so validate says the same, placed at the reflections.
    assert f"{display_path(course_dir / 'T1.yaml')}:" in run.err
    assert ": reflections: scorm2004 suspend_data could need " in run.err
    assert not out.exists()
    assert cli("validate", str(course_dir)).err == run.err


# --- CLI ------------------------------------------------------------------------------------------------


def test_cli_export_writes_and_reports(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "dist"
    run = cli(
        "export",
        "scorm2004",
        "--course",
        str(SMALL),
        "--layout",
        "per-module",
        "--modules",
        "M3",
        "--out",
        str(out),
    )
    assert (run.code, run.out) == (0, "")
    assert [p.name for p in out.iterdir()] == ["zhineng-scorm2004-M3.zip"]
    assert f"{out / 'zhineng-scorm2004-M3.zip'} (" in run.err


def test_cli_export_default_folder_is_dist(cli, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    written: list[Path] = []
    monkeypatch.setattr("zhineng.cli.write_together", lambda outputs: written.extend(p for p, _ in outputs))
    assert cli("export", "scorm12", "--course", str(SMALL)).code == 0
    assert written == [Path("dist") / "zhineng-scorm12-course.zip"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("export", "scorm12", "--modules", "T1,T9"), "zhineng: unknown module 'T9' (known: T1, T2, T3)\n"),
        (("export",), "zhineng: name one format (scorm12, scorm2004, olx, cmi5) or --all\n"),
        (
            ("export", "scorm12", "--all"),
            "zhineng: name one format (scorm12, scorm2004, olx, cmi5) or --all, not both\n",
        ),
    ],
)
def test_cli_export_errors(cli, tmp_path: Path, args: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    run = cli(*args, "--out", str(tmp_path / "dist"))
    assert (run.code, run.err) == (1, message)
    assert not (tmp_path / "dist").exists()


@pytest.mark.parametrize("option", [("--profile", "blackboard"), ("--layout", "flat")])
def test_cli_export_usage_errors_exit_2(cli, option: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exc:
        cli("export", "scorm12", *option)
    assert exc.value.code == 2


# --- golden manifests -----------------------------------------------------------------------------------


def _c14n(data: bytes) -> bytes:
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.tostring(etree.fromstring(data, parser), method="c14n")


@pytest.mark.parametrize("version", VERSIONS)
def test_golden_manifest(small_course: Course, version: str) -> None:
    [(_, files)] = build_packages(small_course, version, runtime=STUB_RUNTIME)
    manifest = _manifest(files)
    golden = GOLDEN / "scorm" / version / "imsmanifest.xml"
    if os.environ.get("ZHINENG_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(manifest)
    assert _c14n(manifest) == _c14n(golden.read_bytes())


# --- preview --------------------------------------------------------------------------------------------


@pytest.fixture
def preview_url(small_course: Course) -> Iterator[str]:
    server = make_server(preview_site(small_course, "scorm2004", "strict", None), 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        assert server.server_address[0] == "127.0.0.1"
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _get(url: str) -> tuple[int, str, bytes]:
    with urllib.request.urlopen(url, timeout=patience.REQUEST_SECONDS) as response:
        return response.status, response.headers["Content-Type"], response.read()


def test_preview_serves_host_page_and_sco(preview_url: str) -> None:
    status, kind, body = _get(preview_url + "/")
    assert (status, kind) == (200, "text/html; charset=utf-8")
    assert b'<iframe id="frame"' in body and b"vendor/scorm-again.min.js" in body
    status, kind, body = _get(preview_url + "/pkg/sco/M1/data.js")
    assert (status, kind) == (200, "text/javascript; charset=utf-8")
    assert body.startswith(b"window.ZHINENG_SCO = ")
    assert b'<script src="../../shared/zhineng.js">' in _get(preview_url + "/pkg/sco/M1/index.html")[2]
    status, kind, body = _get(preview_url + "/pkg/shared/zhineng.js")  # the SCORM channel's one script
    assert (status, kind) == (200, "text/javascript; charset=utf-8")
    assert body == load_runtime("scorm").shared["zhineng.js"] and b"// player.js\n" in body
    assert b"PassingScore" not in _get(preview_url + "/config.js")[2]  # no LMS-side passing score
    assert b"Scorm2004API" in _get(preview_url + "/vendor/scorm-again.min.js")[2]
    with pytest.raises(urllib.error.HTTPError) as exc:
        _get(preview_url + "/../pyproject.toml")
    assert exc.value.code == 404


def _status_with_host(url: str, host: str | None) -> int:
    split = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(split.hostname, split.port, timeout=patience.REQUEST_SECONDS)
    try:
        connection.putrequest("GET", "/", skip_host=True)
        if host is not None:
            connection.putheader("Host", host)
        connection.endheaders()
        return connection.getresponse().status
    finally:
        connection.close()


def test_preview_answers_only_loopback_host_names(preview_url: str) -> None:
    # DNS rebinding: a page on evil.example re-points its name at 127.0.0.1; its requests say Host: evil.example.
    port = urllib.parse.urlsplit(preview_url).port
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}", f"[::1]:{port}"):
        assert _status_with_host(preview_url, host) == 200, host
    refused = [
        f"evil.example:{port}",
        "evil.example",
        "127.0.0.1",  # the browser sends the port unless it is 80
        f"127.0.0.1:{port + 1}",
        f"localhost.:{port}",
        f"127.0.0.1.evil.example:{port}",
        f"0.0.0.0:{port}",
        f"[::ffff:127.0.0.1]:{port}",
        "",
        None,  # no Host header at all
    ]
    for host in refused:
        assert _status_with_host(preview_url, host) == 403, host


def test_preview_unknown_module(small_course: Course) -> None:
    with pytest.raises(ZhinengError, match=r"^unknown module 'T1' \(known: M1, M3\)$"):
        preview_site(small_course, "scorm12", "strict", "T1")


def test_cli_preview_prints_its_address_and_stops_on_ctrl_c(cli, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def interrupted(self) -> None:  # type: ignore[no-untyped-def]
        assert self.server_address[0] == "127.0.0.1"
        raise KeyboardInterrupt

    monkeypatch.setattr("http.server.ThreadingHTTPServer.serve_forever", interrupted)
    run = cli("preview", "--scorm12", "--port", "0", "--course", str(SMALL), "--module", "M3")
    assert run.code == 0
    assert re.fullmatch(r"zhineng preview \(scorm12\): http://127\.0\.0\.1:\d+/  \(Ctrl-C stops\)\n", run.out)


def test_cli_preview_errors(cli) -> None:  # type: ignore[no-untyped-def]
    run = cli("preview", "--module", "T9")
    assert (run.code, run.err) == (1, "zhineng: unknown module 'T9' (known: T1, T2, T3)\n")
    with make_server({}, 0) as busy:
        run = cli("preview", "--port", str(busy.server_port), "--course", str(SMALL))
    assert run.code == 1
    assert run.err.startswith(f"zhineng: cannot listen on 127.0.0.1:{busy.server_port}: ")
