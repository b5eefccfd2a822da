"""Build a site for the browser tests: a real package (zhineng.scorm_export.package.build_packages), unzipped,
beside the LMS wrapper page and the vendored scorm-again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from lxml import etree
from zhineng.modules.course import Course
from zhineng.modules.model import Module
from zhineng.scorm_export.package import build_packages

ROOT = Path(__file__).resolve().parents[2]
VENDOR = ROOT / "scorm_export" / "preview" / "vendor" / "scorm-again.min.js"
WRAPPER = Path(__file__).with_name("wrapper.html")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DATA_PREFIX = "window.ZHINENG_SCO = "


def build_site(
    site: Path, course: Course, module: Module, version: str, profile: str = "strict"
) -> tuple[str, dict[str, Any]]:
    """Lay out the wrapper and the module's single-SCO package under site/; return the SCO's launch path
    (relative to site) and its payload as the package carries it."""
    site.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(VENDOR, site / "scorm-again.min.js")
    shutil.copyfile(WRAPPER, site / "wrapper.html")
    [(_name, files)] = build_packages(
        course, version, layout="per-module", profile=profile, modules=[module.id]
    )
    for f in files:
        target = site / version / f.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(f.data)
    data = (site / version / "sco" / module.id / "data.js").read_text(encoding="utf-8")
    payload = json.loads(data.strip().removeprefix(DATA_PREFIX).removesuffix(";"))
    return f"{version}/sco/{module.id}/index.html", payload


def manifest_passing(site: Path, version: str, module_id: str) -> dict[str, str]:
    """The passing score an LMS reads from the package's manifest for one SCO ({} when there is none):
    1.2 adlcp:masteryscore; 2004 minNormalizedMeasure of a primary objective satisfied by measure."""
    root = etree.parse(str(site / version / "imsmanifest.xml")).getroot()
    item = root.xpath("//*[local-name()='item'][@identifier=$i]", i=f"ITEM-{module_id}")[0]
    if version == "scorm12":
        score = item.xpath("string(*[local-name()='masteryscore'])")
        return {"masteryScore": score} if score else {}
    primary = item.xpath(".//*[local-name()='primaryObjective'][@satisfiedByMeasure='true']")
    measure = primary[0].xpath("string(*[local-name()='minNormalizedMeasure'])") if primary else ""
    return {"scaledPassingScore": measure or "1"} if primary else {}
