"""A long-lived `zhineng` runner for the fuzz suite, started by tests/fuzz_support.py under resource limits.

One request per stdin line, `{"argv": [...], "cwd": "..."}`; one answer per stdout line: the exit code, stderr,
the traceback if anything escaped `main` (SystemExit aside: argparse's usage errors are exit 2), and the seconds
taken. A run that exhausts the process's limits kills it: the parent sees the pipe close and names the input.
Starting Python and importing the course once, instead of per input, keeps a seeded slice of hundreds of inputs
within a few minutes.
"""

from __future__ import annotations

import contextlib
import http.server
import io
import json
import os
import sys
import time
import traceback


def _no_serving(self: http.server.ThreadingHTTPServer) -> None:
    raise KeyboardInterrupt  # `zhineng preview` stops at once, as on Ctrl-C, once it has bound its port


def main() -> None:
    from zhineng.cli import main as zhineng

    http.server.ThreadingHTTPServer.serve_forever = _no_serving  # type: ignore[method-assign]
    answers = os.fdopen(os.dup(1), "w", encoding="utf-8")
    for line in sys.stdin:
        request = json.loads(line)
        os.chdir(request["cwd"])
        out, err = io.StringIO(), io.StringIO()
        escaped = None
        start = time.perf_counter()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = zhineng(request["argv"])
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else 1
            except BaseException:  # what the suite exists to find
                code, escaped = -1, traceback.format_exc()
        answer = {
            "code": code,
            "err": err.getvalue(),
            "traceback": escaped,
            "seconds": time.perf_counter() - start,
        }
        answers.write(json.dumps(answer) + "\n")
        answers.flush()


if __name__ == "__main__":
    main()
