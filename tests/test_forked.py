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
def test_messages_come_back_in_order() -> None:
    _python(
        """
        import os
        from zhineng.forked import Helper

        def work(send):
            send({"pid": os.getpid()})
            send([b"\\x00" * 100_000, "中文"])

        with Helper(work) as helper:
            assert helper.receive()["pid"] != os.getpid()  # done in another process
            assert helper.receive() == [b"\\x00" * 100_000, "中文"]
            assert helper.receive() is None  # nothing more
        """
    )


@needs_fork
def test_a_helper_that_fails_leaves_the_work_to_the_caller() -> None:
    _python(
        """
        from zhineng.forked import Helper

        def work(send):
            send("first")
            raise ValueError("a bug in the helper")

        with Helper(work) as helper:
            assert helper.receive() == "first"
            assert helper.receive() is None
        """
    )


def test_no_fork_while_other_threads_run() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        with Helper(lambda send: send("never")) as helper:
            assert helper.receive() is None
    finally:
        stop.set()
        other.join()


# Every format with the helper, then each alone.
_BOTH_WAYS = """
    import sys
    from zhineng import forked
    from zhineng.exporters import EVERY_LAYOUT, EXPORTERS, ExportOptions, export, export_formats
    from zhineng.modules.loader import load_course

    course = load_course()
    options = ExportOptions(layout=EVERY_LAYOUT)
    made = []
    real = forked.Helper.__init__
    def spying(self, work):
        real(self, work)
        made.append(self._pipe is not None)
    forked.Helper.__init__ = spying
    together = export_formats(list(EXPORTERS), course, options, lambda: None)
    alone = [export(fmt, course, options) for fmt in EXPORTERS]
    assert made == [True], made  # the helper did fork
    assert [[n for n, _ in a] for a in together] == [[n for n, _ in a] for a in alone]
    different = [n for a, b in zip(together, alone) for (n, x), (_, y) in zip(a, b) if x != y]
    assert different == [], different
    print(sum(len(a) for a in together))
    """


@needs_fork
def test_the_helper_changes_no_byte_of_the_export() -> None:
    assert int(_python(_BOTH_WAYS)) >= 10  # every archive of every format


@needs_fork
def test_an_error_in_the_helpers_format_is_said_in_its_turn() -> None:
    """The helper cannot build the Open edX course: this process builds it in its turn and says why."""
    out = _python(
        """
        import os
        from dataclasses import replace
        from zhineng import exporters
        from zhineng.errors import ZhinengError
        from zhineng.exporters import EVERY_LAYOUT, EXPORTERS, ExportOptions, export_formats
        from zhineng.modules.loader import load_course

        def broken(course, options):
            raise ZhinengError(f"olx refused in {'the helper' if os.getpid() != parent else 'this process'}")

        parent = os.getpid()
        exporters.EXPORTERS["olx"] = replace(EXPORTERS["olx"], build=broken)
        built = []
        try:
            export_formats(list(EXPORTERS), load_course(), ExportOptions(layout=EVERY_LAYOUT), lambda: built.append(1))
        except ZhinengError as exc:
            print(exc, len(built))
        try:
            os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            print("no helper left")
        """
    )
    # Said after SCORM 1.2 and 2004 were built, before cmi5, as without the helper; the helper was reaped.
    assert out.split("\n")[:2] == ["olx refused in this process 2", "no helper left"]


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
