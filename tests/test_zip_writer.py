"""The zip writer that deflates each distinct content once gives zipfile's bytes, for every archive we make."""

from __future__ import annotations

import io
import zipfile

import pytest
from zhineng.modules.loader import load_course
from zhineng.scorm_export.package import build_packages

from zhineng import zip_writer
from zhineng.files import OutFile, zip_bytes, zip_bytes_zipfile

SAMPLES = [
    OutFile("imsmanifest.xml", b"<manifest/>\n" * 50),
    OutFile("sco/T1/data.js", 'window.ZHINENG_SCO = {"title": "電子商務"};\n'.encode() * 300),
    OutFile("shared/empty.txt", b""),
    OutFile("shared/random.bin", bytes(range(256)) * 7),
    OutFile("教材/說明.html", "<p>中文檔名</p>".encode()),  # a UTF-8 name sets the language flag
    OutFile("copy/of/manifest.xml", b"<manifest/>\n" * 50),  # content seen before: deflated once
]


def test_the_writer_gives_zipfiles_bytes() -> None:
    assert zip_writer.fits([(f.path, f.data) for f in SAMPLES])
    fast = zip_bytes(SAMPLES)
    assert fast == zip_bytes_zipfile(SAMPLES)
    with zipfile.ZipFile(io.BytesIO(fast)) as archive:
        assert archive.testzip() is None
        assert {i.filename: archive.read(i) for i in archive.infolist()} == {f.path: f.data for f in SAMPLES}
        assert {i.external_attr >> 16 for i in archive.infolist()} == {0o100644}


def test_a_content_is_deflated_once() -> None:
    data = b"the same runtime script in every package " * 1000
    first = zip_writer.deflated(data)
    assert zip_writer.deflated(bytes(data)) is first  # an equal content, another object: the kept result


@pytest.mark.parametrize("version", ["scorm12", "scorm2004"])
def test_every_scorm_package_is_byte_identical_to_zipfiles(version: str) -> None:
    course = load_course()
    for layout in ("course", "per-module"):
        for _name, files in build_packages(course, version, layout):
            assert zip_bytes(files) == zip_bytes_zipfile(files)


def test_what_the_writer_does_not_take_goes_to_zipfile() -> None:
    assert not zip_writer.fits([("a\0b", b"x")])
    assert not zip_writer.fits([(f"f{i}", b"") for i in range(0x10000)])


def test_a_content_deflated_ahead_is_what_the_caller_would_deflate() -> None:
    data = "每個套件都有的執行腳本 ".encode() * 2000
    zip_writer.deflate_ahead([data])
    ahead = zip_writer.deflated(data)
    zip_writer._cache.clear()
    assert zip_writer.deflated(data) == ahead
    files = [OutFile("shared/zhineng.js", data), OutFile("sco/T1/data.js", data[::-1])]
    zip_writer.deflate_ahead(f.data for f in files)
    assert zip_bytes(files) == zip_bytes_zipfile(files)
