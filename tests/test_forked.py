"""Work done ahead in a forked helper comes back as the work itself; whatever the helper cannot do, the caller
does (zhineng/forked.py). The export built with the helper is byte for byte the export built without."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import pytest

from zhineng.forked import Helper

needs_fork = pytest.mark.skipif(not hasattr(os, "fork") or (os.cpu_count() or 1) < 2, reason="no second CPU")


# Fresh processes: in this one other tests' threads may run, and the helper rightly does not fork then.
def _python(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@needs_fork
def test_what_the_helper_sends_is_taken_by_name() -> None:
    _python(
        """
        import os, time
        from zhineng.forked import Helper

        def work(send):
            send("pid", os.getpid())
            send("data", [b"\\x00" * 100_000, "中文"])  # more than a pipe holds

        with Helper(work) as helper:
            while helper.running():
                time.sleep(0.01)
            assert helper.take("pid") != os.getpid()  # done in another process
            assert helper.take("data") == [b"\\x00" * 100_000, "中文"]
            assert helper.take("data") is None and helper.take("other") is None
        """
    )


@needs_fork
def test_a_helper_that_fails_leaves_the_work_to_the_caller() -> None:
    _python(
        """
        import time
        from zhineng.forked import Helper

        def work(send):
            send("first", 1)
            raise ValueError("a bug in the helper")

        with Helper(work) as helper:
            while helper.running():
                time.sleep(0.01)
            assert helper.take("first") == 1
            assert helper.take("second") is None
        """
    )


def test_no_fork_while_other_threads_run() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        with Helper(lambda send: send("never", 1)) as helper:
            assert not helper.running()
            assert helper.take("never") is None
    finally:
        stop.set()
        other.join()


# Every format with the helper, then each alone.
_BOTH_WAYS = """
    import time
    from zhineng import exporters
    from zhineng.exporters import EVERY_LAYOUT, EXPORTERS, ExportOptions, export, export_formats
    from zhineng.modules.loader import load_course

    from zhineng import forked
    forked.cpu_idle = lambda: True  # as on a quiet machine: this test may run beside others
    course = load_course()
    options = ExportOptions(layout=EVERY_LAYOUT)
    from_helper = []
    taken = exporters._taken
    def patient(helper, course, options):  # waits for the helper, which a busy machine may slow down
        while helper.running():
            time.sleep(0.01)
        from_helper.append(helper._got.get("olx") is not None)
        return taken(helper, course, options)
    exporters._taken = patient
    together = export_formats(list(EXPORTERS), course, options, lambda: None)
    alone = [export(fmt, course, options) for fmt in EXPORTERS]
    assert from_helper == [True], from_helper  # the helper forked and built it
    assert [[n for n, _ in a] for a in together] == [[n for n, _ in a] for a in alone]
    different = [n for a, b in zip(together, alone) for (n, x), (_, y) in zip(a, b) if x != y]
    assert different == [], different
    print(sum(len(a) for a in together))
    """


@needs_fork
def test_the_helper_changes_no_byte_of_the_export() -> None:
    assert int(_python(_BOTH_WAYS)) >= 10  # every archive of every format


_BROKEN = """
    import os, sys
    from dataclasses import replace
    from zhineng import exporters
    from zhineng.errors import ZhinengError
    from zhineng.exporters import EVERY_LAYOUT, EXPORTERS, ExportOptions, export_formats
    from zhineng.modules.loader import load_course

    from zhineng import forked
    forked.cpu_idle = lambda: True  # as on a quiet machine: this test may run beside others
    parent = os.getpid()

    def broken(fmt):
        def build(course, options):
            where = "the helper" if os.getpid() != parent else "this process"
            raise ZhinengError(f"{fmt} refused in {where}")
        return build

    for fmt in sys.argv[1:]:
        exporters.EXPORTERS[fmt] = replace(EXPORTERS[fmt], build=broken(fmt))
    try:
        export_formats(list(EXPORTERS), load_course(), ExportOptions(layout=EVERY_LAYOUT), lambda: None)
    except ZhinengError as exc:
        print(exc)
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        print("no helper left")
    """


def _broken(*formats: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_BROKEN), *formats],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


@needs_fork
def test_an_error_in_the_helpers_format_is_said_by_this_process() -> None:
    """The helper cannot build the Open edX course: this process builds it and says why; the helper is reaped."""
    assert _broken("olx") == ["olx refused in this process", "no helper left"]


@needs_fork
def test_the_first_formats_error_is_said_as_without_the_helper() -> None:
    """Open edX comes before cmi5 in the order: its error is the one said, though cmi5 is built first here."""
    assert _broken("olx", "cmi5") == ["olx refused in this process", "no helper left"]
    assert _broken("scorm2004", "cmi5") == ["scorm2004 refused in this process", "no helper left"]


@needs_fork
def test_a_helper_too_slow_is_not_waited_for() -> None:
    """On a busy machine the helper may not have built its format when the others are built: it is built here."""
    out = _python(
        """
        import time
        from zhineng import exporters
        from zhineng.exporters import EVERY_LAYOUT, EXPORTERS, ExportOptions, export, export_formats
        from zhineng.modules.loader import load_course

        def slow(course, options, send):
            time.sleep(600)

        exporters._ahead = slow
        from zhineng import forked
        forked.cpu_idle = lambda: True
        course, options = load_course(), ExportOptions(layout=EVERY_LAYOUT)
        start = time.monotonic()
        together = export_formats(list(EXPORTERS), course, options, lambda: None)
        took = time.monotonic() - start
        assert together == [export(fmt, course, options) for fmt in EXPORTERS]
        print(took < 300)
        """
    )
    assert out.strip() == "True"


@needs_fork
def test_export_all_writes_the_same_files_with_one_process(tmp_path) -> None:  # type: ignore[no-untyped-def]
    runs = {}
    for name, jobs in (("two", []), ("one", ["--jobs", "1"])):
        out = tmp_path / name
        subprocess.run(
            [sys.executable, "-m", "zhineng", "export", "--all", "--out", str(out), *jobs],
            check=True,
            capture_output=True,
            timeout=600,
        )
        runs[name] = {p.name: p.read_bytes() for p in sorted(out.iterdir())}
    assert len(runs["two"]) >= 10
    assert runs["two"] == runs["one"]


@needs_fork
def test_what_is_still_coming_can_be_waited_for() -> None:
    _python(
        """
        import time
        from zhineng.forked import Helper

        handled = []

        def work(send):
            send("early", 1)
            time.sleep(0.5)
            send("late", 2)

        with Helper(work, {"early": handled.append}) as helper:
            assert helper.wait("late") == 2  # sent half a second later
            assert helper.wait("never") is None  # the child ended without sending it
            assert handled == [1] and helper.take("early") is None  # handled as it came, not kept
        """
    )
