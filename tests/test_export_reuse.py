"""What an export computes once and reuses gives what computing it again gives."""

from __future__ import annotations

from zhineng.modules.loader import load_course
from zhineng.scorm_export.package import Sco, build_packages
from zhineng.scorm_export.payload import content_hash, module_hash

from zhineng.files import OutFile


def test_a_kept_content_hash_is_the_computed_one() -> None:
    module = load_course().modules[0]
    assert content_hash(module) == module_hash(module)
    assert content_hash(module) == content_hash(module)
    changed = module.model_copy(update={"title": module.title + "（修訂）"})
    assert content_hash(changed) == module_hash(changed) != content_hash(module)


def _files(packages: list[tuple[str, list[OutFile]]]) -> list[tuple[str, list[tuple[str, bytes]]]]:
    return [(name, [(f.path, f.data) for f in files]) for name, files in packages]


def test_scos_shared_between_layouts_give_the_same_packages() -> None:
    course = load_course()
    for version in ("scorm12", "scorm2004"):
        scos: dict[str, Sco] = {}
        shared = [build_packages(course, version, layout, scos=scos) for layout in ("course", "per-module")]
        assert len(scos) == len(course.modules)
        alone = [build_packages(course, version, layout) for layout in ("course", "per-module")]
        assert [_files(p) for p in shared] == [_files(p) for p in alone]
