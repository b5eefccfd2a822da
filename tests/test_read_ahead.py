"""A course's files parsed by a helper while the models are imported (modules/read_ahead.py) load into the
same course, with the same problems at the same places, as files parsed here; a helper that fails or is slow
changes nothing but the time."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from zhineng.modules.course_files import course_files, read_source
from zhineng.modules.markdown_texts import MARKDOWN_KEYS, course_texts, module_texts

from zhineng.exporters import EVERY_LAYOUT, EXPORTERS, ExportOptions, export_formats
from zhineng.markdown import forget

needs_fork = pytest.mark.skipif(not hasattr(os, "fork") or (os.cpu_count() or 1) < 2, reason="no second CPU")
FIXTURES = Path(__file__).parent / "fixtures"


def _python(code: str, *args: str) -> str:
    """A fresh process: in this one other tests' threads may run, and no helper forks then."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_every_text_an_export_renders_is_found_under_a_markdown_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """So helpers render what the packages need (a text they miss is only rendered later, by the exporter)."""
    from markdown_it import MarkdownIt
    from zhineng.modules.loader import load_course

    course = load_course()
    rendered: list[str] = []
    render = MarkdownIt.render
    monkeypatch.setattr(
        MarkdownIt, "render", lambda self, text, env=None: rendered.append(text) or render(self, text, env)
    )
    forget()  # other tests rendered them already: render every text again
    export_formats(list(EXPORTERS), course, ExportOptions(layout=EVERY_LAYOUT), lambda: None, ahead=False)
    modules, standard = course_files(())
    parsed = [read_source(p)[0].data for p in (standard, *modules)]
    found = course_texts(parsed[0], parsed[1:], None)
    assert rendered, "the export rendered no Markdown"
    assert set(rendered) <= set(found), sorted(set(rendered) - set(found))[:3]
    # Nearly nothing more: every text a helper renders in vain is time taken from the second CPU.
    assert len(found) - len(rendered) <= len(rendered) // 20
    # In the order the packages need them: the first module's texts first.
    first = course.modules[0].lessons[0].body
    assert found.index(first) < len(found) // len(course.modules)
    # The loaded course keeps each module's texts, for the export's own helper.
    assert [t for m in course.modules for t in course.markdown[m.id]] == found


def test_texts_are_found_in_any_shape_of_data() -> None:
    """Helpers read data no model has checked yet: whatever the files hold, this neither fails nor hangs."""
    standard = {"tasks": [{"id": ["T1"]}, "T2", {"id": "T3"}]}
    modules = [
        {"task": ["T1"], "id": {}, "body": "a"},
        {"task": "T3", "id": "m", "lessons": [{"body": "b", "prompt": ["c", {"help": "d"}]}], "help": 5},
        "not a module",
        {"task": "T3", "id": "n", "description": ""},
    ]
    assert course_texts(standard, modules, None) == ["b", "c", "d", "a"]
    assert course_texts(None, modules, ["m"]) == ["b", "c", "d"]
    assert module_texts(modules[1]) == ("b", "c", "d")
    assert "prompt" in MARKDOWN_KEYS and "title" not in MARKDOWN_KEYS


_LOAD_BOTH_WAYS = """
    import sys
    import time
    from pathlib import Path
    from zhineng import markdown
    from zhineng.errors import ValidationFailed, ZhinengError
    from zhineng.modules import read_ahead
    from zhineng.modules.course_files import course_files
    from zhineng.modules.loader import load_course

    paths = [Path(p) for p in sys.argv[1:]]
    read_ahead.cpu_idle = lambda: True  # as on a quiet machine: this test may run beside others

    def outcome(read=None):
        try:
            course = load_course(paths, read) if read else load_course(paths)
        except ValidationFailed as exc:
            return [str(p) for p in exc.problems]
        except ZhinengError as exc:
            return str(exc)
        return course

    here = outcome()
    modules, standard = course_files(paths)
    ahead = read_ahead.ReadAhead([standard, *modules], True, None)
    try:
        while not ahead._helper.seen(str(modules[-1])):  # every file parsed over there, even on a busy machine
            assert ahead._helper.running(), "the helper ended early"
            time.sleep(0.01)
        served = []
        parse_here = read_ahead.read_source
        read_ahead.read_source = lambda path: served.append(path) or parse_here(path)
        there = outcome(ahead.read)
        while not markdown._html and ahead._helper.running():  # its first texts, however busy the machine
            time.sleep(0.01)
    finally:
        ahead.close()
    assert there == here, (there, here)
    assert served == [], served  # every file came from the helper
    given = dict(markdown._html)  # only what the helper sent: loading a course renders nothing
    markdown.forget()
    assert all(markdown.render_markdown(text) == html for text, html in given.items())
    print(len(given), "given;", "valid" if not isinstance(here, list) else f"{len(here)} problems")
    """


@needs_fork
def test_the_course_read_ahead_is_the_course_read_here() -> None:
    out = _python(_LOAD_BOTH_WAYS)
    count, _, verdict = out.partition(" given; ")
    assert int(count) > 0  # the helper rendered Markdown and this process took it
    assert verdict.strip() == "valid"


@needs_fork
def test_problems_are_said_alike_at_the_same_places(tmp_path: Path) -> None:
    """Syntax errors, duplicate keys, model errors and warnings: the same lines, in the same order."""
    module = (FIXTURES / "valid" / "module.yaml").read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(module.replace("title:", "title: [", 1), encoding="utf-8")
    (tmp_path / "b.yaml").write_text(module + "\nid: again\nunknown_key: 1\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text(module.replace("type:", "type: nonsense #", 1), encoding="utf-8")
    out = _python(_LOAD_BOTH_WAYS, str(tmp_path))
    assert out.split(" given; ")[1].strip().endswith("problems")
    assert not out.startswith("0 problems")


_HELPER_FAILS = """
    import sys
    from zhineng.modules import read_ahead
    from zhineng.modules.loader import load_course

    def fails(files, markdown, modules, send):
        if sys.argv[1] == "begun":
            send(read_ahead._begun(str(files[0])), None)  # it has begun the first file, then dies
        raise RuntimeError("the helper fails")

    read_ahead._ahead = fails
    read_ahead.cpu_idle = lambda: True
    with read_ahead.read_ahead((), markdown=True) as read:
        course = load_course((), read)
    assert course == load_course()
    print("same")
    """


@needs_fork
@pytest.mark.parametrize("when", ["at once", "begun"])
def test_a_helper_that_fails_leaves_the_parsing_here(when: str) -> None:
    assert _python(_HELPER_FAILS, when).strip() == "same"


def test_a_path_that_does_not_exist_is_said_by_the_loader(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "zhineng", "validate", str(tmp_path / "missing")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 1
    assert done.stderr.strip().endswith("missing: no such file or folder"), done.stderr
    assert "Traceback" not in done.stderr
