"""The report's work on every CPU: the same bytes as doing it all in one process.

Reading: parsing JSON and turning it into records is most of a large report's time (10,000 learners are 30,000
SCORM files), and files are independent, so contiguous runs of files go to forked worker processes. The records
come back as plain tuples per type (pickling a tuple is ten times cheaper than pickling a dataclass) and are
rebuilt here in input order, so "latest attempt wins" still breaks ties by the input read last.

Building: each learner's part of the report (latest wins, K cells, task states) depends on that learner's
records alone, so on a large class a forked process does the second half of the learners while this one does
the first (in_two); its part comes back as plain tuples, and the halves are joined in learner order.

Writing: the three outputs are functions of the finished report, so report.html and report.json are made by
forked processes, each into a temporary file of its own, while this one makes report.csv; write_together then
moves them into place with it, all or none (made_apart). The forks share the report's pages; the ones they touch
(reference counts) are copied, which the memory goal leaves room for only because every output is made while it
is written, never held whole.

Small inputs, one CPU (--jobs 1), or a platform without a safe `fork` do everything in this process.
"""

from __future__ import annotations

import errno
import multiprocessing
import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from itertools import starmap
from operator import attrgetter
from pathlib import Path
from typing import Any, TypeVar

from ..cpus import usable_cpus
from ..errors import ZhinengError
from ..files import Content, MadeElsewhere
from ..progress import Progress
from .catalog import Catalog
from .json_input import DEFAULT_MAX_JSON_MB, MB
from .records import (
    ActivityDone,
    Answer,
    AnswerSheet,
    KnowledgeEvidence,
    Record,
    ReflectionEntry,
    Skipped,
    TaskRating,
    TaskSubmission,
)
from .sources import Format, read_file

READING = "reading tracking files"  # what the terminal count says while files are read
PARALLEL_MIN_BYTES = 32 * 1024 * 1024  # below this, starting processes costs more than it saves
CHUNKS_PER_JOB = 16  # several runs of files per process, so that one slow run does not hold up the rest
MAX_JOBS = 8
APART_MIN_LEARNERS = 1_000  # below this, an output is made in this process: forking would cost what it saves

# Records travel in groups: records of different groups never meet in a merge, so each group only has to keep
# its own order. Answers and answer sheets do meet (latest answer per question), so they share a group and
# each row says which type it is; the other groups hold one type each.
_ANSWERS = (Answer, AnswerSheet)
_SINGLES = (KnowledgeEvidence, ActivityDone, ReflectionEntry, TaskSubmission, TaskRating)
_AS_TUPLE: dict[type, attrgetter[tuple[Any, ...]]] = {
    t: attrgetter(*(f.name for f in fields(t))) for t in (*_ANSWERS, *_SINGLES)
}

Packed = tuple[list[tuple[Any, ...]], ...]  # answers (type index, fields), then one list per _SINGLES type

# What the forked workers read with: set just before the pool forks, so nothing large is pickled to them.
_WORK: tuple[Format | None, Catalog, int] | None = None


def default_jobs() -> int:
    return max(1, min(usable_cpus(), MAX_JOBS))


def read_files(
    files: list[Path],
    fmt: Format | None,
    catalog: Catalog,
    jobs: int | None = None,
    max_bytes: int = DEFAULT_MAX_JSON_MB * MB,
) -> tuple[list[Record], list[Skipped]]:
    """Every file's records and skipped inputs, in file order. jobs: processes to use (default: CPUs);
    max_bytes: the largest JSON document read whole (see read_file)."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    sizes = [_size(f) for f in files] if jobs > 1 else []
    with Progress(READING, len(files)) as progress:
        if jobs == 1 or sum(sizes) < PARALLEL_MIN_BYTES or not _can_fork():
            return _read_serial(files, fmt, catalog, max_bytes, progress)
        return _read_parallel(files, sizes, fmt, catalog, jobs, max_bytes, progress)


def _read_parallel(
    files: list[Path],
    sizes: list[int],
    fmt: Format | None,
    catalog: Catalog,
    jobs: int,
    max_bytes: int,
    progress: Progress,
) -> tuple[list[Record], list[Skipped]]:
    global _WORK
    _WORK = (fmt, catalog, max_bytes)
    try:
        groups: list[list[Record]] = [[] for _ in range(1 + len(_SINGLES))]
        skipped: list[Skipped] = []
        try:
            pool = multiprocessing.get_context("fork").Pool(jobs)
        except OSError:  # no processes or semaphores to be had (a locked-down container): one process reads
            return _read_serial(files, fmt, catalog, max_bytes, progress)
        chunks = _chunks(files, sizes, jobs * CHUNKS_PER_JOB)
        with pool:
            for chunk, (packed, lost) in zip(chunks, pool.imap(_read_chunk, chunks), strict=True):
                progress.advance(len(chunk))
                groups[0] += [_ANSWERS[row[0]](*row[1:]) for row in packed[0]]
                for into, kind, rows in zip(groups[1:], _SINGLES, packed[1:], strict=True):
                    into += starmap(kind, rows)
                skipped += lost
    finally:
        _WORK = None
    # Each group in input order is the same input to build_report as the files' records interleaved.
    return [r for group in groups for r in group], skipped


def _read_serial(
    files: list[Path], fmt: Format | None, catalog: Catalog, max_bytes: int, progress: Progress | None = None
) -> tuple[list[Record], list[Skipped]]:
    records: list[Record] = []
    skipped: list[Skipped] = []
    for path in files:
        got, lost = read_file(path, fmt, catalog, max_bytes)
        records += got
        skipped += lost
        if progress is not None:
            progress.advance()
    return records, skipped


def _read_chunk(paths: list[Path]) -> tuple[Packed, list[Skipped]]:
    """In a worker: read a run of files and pack their records."""
    assert _WORK is not None, "read_files sets the work before forking"
    fmt, catalog, max_bytes = _WORK
    records, skipped = _read_serial(paths, fmt, catalog, max_bytes)
    answers: list[tuple[Any, ...]] = []
    singles: list[list[Record]] = [[] for _ in _SINGLES]
    slot: dict[type, int] = {kind: i for i, kind in enumerate(_SINGLES)}
    for r in records:
        kind = type(r)
        if kind is Answer or kind is AnswerSheet:
            answers.append((_ANSWERS.index(kind), *_AS_TUPLE[kind](r)))
        else:
            singles[slot[kind]].append(r)
    packed = [answers] + [
        list(map(_AS_TUPLE[kind], group)) for kind, group in zip(_SINGLES, singles, strict=True)
    ]
    return tuple(packed), skipped


def _chunks(files: list[Path], sizes: list[int], count: int) -> list[list[Path]]:
    """Contiguous runs of files of about equal size (bytes, not files: one NDJSON can outweigh 1,000 CMIs)."""
    target = max(1, sum(sizes) // count)
    chunks: list[list[Path]] = [[]]
    held = 0
    for path, size in zip(files, sizes, strict=True):
        if held >= target:
            chunks.append([])
            held = 0
        chunks[-1].append(path)
        held += size
    return [c for c in chunks if c]


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # read_file reports it


def _can_fork() -> bool:
    # Linux only: macOS lists fork but it is unsafe there with system frameworks loaded.
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


T = TypeVar("T")
R = TypeVar("R")


def in_two(
    work: Callable[[Sequence[T]], R],
    items: Sequence[T],
    pack: Callable[[R], Any],
    unpack: Callable[[Any], R],
    jobs: int | None,
) -> list[R]:
    """[work(first half), work(second half)], the second made by a forked process meanwhile and sent back as
    pack() gives it (unpack() makes it whole again here); [work(items)] for fewer than APART_MIN_LEARNERS items,
    with --jobs 1, or without `fork`."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if jobs == 1 or len(items) < APART_MIN_LEARNERS or not _can_fork():
        return [work(items)]
    half = len(items) // 2
    try:
        helper = _Forked(_work_into, work, items[half:], pack)
    except OSError:  # no processes to be had (a locked-down container): all of it here
        return [work(items)]
    try:
        mine = work(items[:half])
        try:
            outcome, packed = helper.result()
        except EOFError:  # it ended without a word: killed (out of memory?)
            raise ZhinengError(
                f"the process building half the report ended unexpectedly (exit code {helper.exitcode})"
            ) from None
        if outcome is not None:
            raise RuntimeError(f"the process building half the report failed:\n{outcome}")
        return [mine, unpack(packed)]
    finally:
        helper.end()


class _Forked:
    """A forked process running target(*args, send) that sends back one message: started here, its message
    taken with result(), and ended (terminated if this side failed first, or on Ctrl-C) with end()."""

    def __init__(self, target: Callable[..., None], *args: Any) -> None:
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=target, args=(*args, send), daemon=True)
        try:
            self._process.start()
        except BaseException:
            self._receive.close()
            raise
        finally:
            send.close()  # its end: when the process ends, receiving here ends too, however it ended

    def result(self) -> Any:
        """Its message, waited for; EOFError if it ended without one (exitcode says how)."""
        try:
            return self._receive.recv()
        except EOFError:
            self._process.join()
            raise

    @property
    def exitcode(self) -> int | None:
        return self._process.exitcode

    def end(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receive.close()


def _work_into(
    work: Callable[[Sequence[T]], R], items: Sequence[T], pack: Callable[[R], Any], send: Any
) -> None:
    """In the forked process: do the work and send it back packed, or the traceback of what went wrong."""
    try:
        message: tuple[str | None, Any] = (None, pack(work(items)))
    except BaseException:
        message = (traceback.format_exc(), None)
    send.send(message)


Pieces = Iterable[bytes]


@contextmanager
def made_apart(
    outputs: Sequence[tuple[Path, Callable[[], Pieces]]], learners: int, jobs: int | None
) -> Iterator[list[Content]]:
    """Files made by forked processes, one each, while this process does other work: what is given for each
    waits for its process when write_together comes to it (so list the files made here first). outputs: each
    file's destination and what makes its pieces. Every process is ended, and every file it left unplaced
    removed, on the way out, however the `with` ends. All are made here, as written, for small reports, with
    --jobs 1, or without `fork`."""
    jobs = default_jobs() if jobs is None else max(1, jobs)
    makers: list[_Spooled] = []
    try:
        if jobs > 1 and learners >= APART_MIN_LEARNERS and _can_fork():
            for path, make in outputs:
                spool = _spool(path)
                if spool is None:
                    break
                makers.append(_Spooled(spool, make))
    except OSError:  # no processes to be had (a locked-down container): the rest are made here
        pass
    try:
        yield [*makers, *(make() for _path, make in outputs[len(makers) :])]
    finally:
        for maker in makers:
            maker.end()


def _spool(path: Path) -> str | None:
    """A new temporary file for path, beside it if its folder exists, else in the nearest folder that does (on
    the same disk, as a rule); None if none can be made (the file is then made in this process, and writing it
    says what is wrong)."""
    folder = next((f for f in path.parents if f.is_dir()), None)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError:
        return None
    os.close(fd)
    return name


class _Spooled(MadeElsewhere):
    """One file made by a forked process into its spool, then moved into place."""

    def __init__(self, spool: str, make: Callable[[], Pieces]) -> None:
        self.spool: str | None = spool  # None once placed: write_together owns it then
        try:
            self._maker = _Forked(_make_into, make, spool)
        except BaseException:
            Path(spool).unlink(missing_ok=True)
            raise

    def place(self, path: Path) -> str:
        try:
            outcome = self._maker.result()
        except EOFError:  # it ended without a word: killed (out of memory?); write_together says which file
            raise OSError(
                f"the process making it ended unexpectedly (exit code {self._maker.exitcode})"
            ) from None
        if isinstance(outcome, tuple):
            raise OSError(*outcome)
        if outcome is not None:
            raise RuntimeError(f"the process making {path} failed:\n{outcome}")
        assert self.spool is not None, "placed once"
        spool, self.spool = self.spool, None
        if Path(spool).parent == path.parent:
            return spool
        # Made before its folder was: a new temporary name there, replaced by the spool (a rename on one disk).
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        os.close(fd)
        try:
            try:
                os.replace(spool, tmp)
            except OSError as exc:
                if exc.errno != errno.EXDEV:
                    raise
                shutil.copyfile(spool, tmp)  # another disk after all: copied, then synced as written here
                with open(tmp, "rb+") as handle:
                    os.fsync(handle.fileno())
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        finally:
            Path(spool).unlink(missing_ok=True)
        return tmp

    def end(self) -> None:
        self._maker.end()  # its file is no longer wanted if it is still at work
        if self.spool is not None:
            Path(self.spool).unlink(missing_ok=True)


def _make_into(make: Callable[[], Pieces], spool: str, send: Any) -> None:
    """In the forked process: write the pieces to the spool and sync it, then say how it went (None: done)."""
    try:
        with open(spool, "wb") as out:
            for piece in make():
                out.write(piece)
            out.flush()
            os.fsync(out.fileno())  # here, beside the work of the main process, not after it
        outcome: object = None
    except OSError as exc:  # a full disk: said as the write in the main process would say it
        outcome = (exc.errno, exc.strerror or str(exc))
    except BaseException:  # a fault in the renderer: its traceback, to be raised where it is waited for
        outcome = traceback.format_exc()
    send.send(outcome)
