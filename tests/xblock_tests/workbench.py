"""Run the xblock-sdk workbench on 127.0.0.1 with our blocks, in a throwaway folder (settings, sqlite, logs).

Used by the browser tests' fixture and by bench/bench_xblocks.py. The workbench logs every published
event (`XBlock event grade for ...` and the data on the next line); the settings send that log to a file.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from patience import NotServing, first_request, free_port

from .devreg import dev_registration_dir

TESTS = Path(__file__).resolve().parent.parent

SETTINGS = """
from workbench.settings import *  # noqa: F403 - the sdk's settings, then only what a temp folder needs

DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": {db!r}}}}}
DJFS = {{"type": "osfs", "directory_root": {djfs!r}, "url_root": "/static/djpyfs"}}
DEBUG = False
# openedx-scorm-xblock extracts packages into default_storage. It proxies them through a handler by default, but
# the workbench's handler URLs carry `?student=`, which that proxy's URLs cannot; so it serves them from storage
# (its PROXY_ASSETS_LMS setting), same origin, under the static URL runserver --insecure answers.
MEDIA_ROOT = {media!r}
MEDIA_URL = "/static/media/"
STATICFILES_DIRS = [("media", MEDIA_ROOT)]
XBLOCK_SETTINGS = {{"ScormXBlock": {{"PROXY_ASSETS_LMS": False}}}}
# The platform's language comes from the browser, as an Open edX site's LocaleMiddleware gives it.
MIDDLEWARE = [*MIDDLEWARE[:2], "django.middleware.locale.LocaleMiddleware", *MIDDLEWARE[2:]]  # noqa: F405
LANGUAGES = [("en", "English"), ("zh-tw", "繁體中文（台灣）")]
LOGGING = {{
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {{"events": {{"class": "logging.FileHandler", "filename": {events!r}, "level": "INFO"}}}},
    "loggers": {{"workbench.runtime": {{"handlers": ["events"], "level": "INFO", "propagate": False}}}},
}}
"""


@dataclass
class Workbench:
    url: str
    folder: Path
    process: subprocess.Popen[bytes]

    @property
    def events_log(self) -> Path:
        return self.folder / "events.log"

    def events(self, event_type: str, block_type: str) -> list[str]:
        """The data lines logged after each `XBlock event <type> for <block_type>` line."""
        lines = self.events_log.read_text(encoding="utf-8").splitlines() if self.events_log.exists() else []
        head = f"XBlock event {event_type} for {block_type} "
        return [lines[i + 1] for i, line in enumerate(lines[:-1]) if line.startswith(head)]

    def state(self, user_id: str, block_type: str) -> list[str]:
        """The stored user_state JSON of every block of a type, for one learner."""
        with sqlite3.connect(self.folder / "workbench.db") as db:
            rows = db.execute(
                "SELECT state FROM workbench_xblockstate WHERE user_id = ? AND scope = 'usage' AND scope_id LIKE ?",
                (user_id, f"%.{block_type}.%"),
            ).fetchall()
        return [r[0] for r in rows]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


def start(olx_scenario: str | None = None) -> Workbench:
    # In memory where the machine has it: the workbench commits each field separately, and fsyncs on a
    # real disk would measure the disk, not the blocks.
    shm = Path("/dev/shm")
    folder = Path(tempfile.mkdtemp(prefix="zhineng-workbench-", dir=shm if shm.is_dir() else None))
    (folder / "djfs").mkdir()
    (folder / "media").mkdir()
    (folder / "zhineng_wb_settings.py").write_text(
        SETTINGS.format(
            db=str(folder / "workbench.db"),
            djfs=str(folder / "djfs"),
            events=str(folder / "events.log"),
            media=str(folder / "media"),
        ),
        encoding="utf-8",
    )
    points = {"zhineng_olx_check": "xblock_tests.wb_olx:OlxExportScenarios"}
    if importlib.util.find_spec("openedxscorm") is not None:
        # openedx-scorm-xblock registers as `scorm`, but its own workbench scenario names `<openedxscorm/>`:
        # without this alias the workbench fails to load every scenario once the package is installed.
        points["openedxscorm"] = "openedxscorm:ScormXBlock"
    registration = dev_registration_dir(points)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "zhineng_wb_settings",
        "PYTHONPATH": os.pathsep.join([str(folder), str(registration), str(TESTS)]),
        "EXCLUDE_SAMPLE_XBLOCKS": "yes",
    }
    if olx_scenario is not None:
        (folder / "olx.xml").write_text(olx_scenario, encoding="utf-8")
        env["ZHINENG_OLX_SCENARIO"] = str(folder / "olx.xml")
    subprocess.run(
        [sys.executable, "-m", "django", "migrate", "--run-syncdb", "-v", "0"],
        cwd=folder,
        env=env,
        check=True,
        capture_output=True,
    )
    port = free_port()
    log = (folder / "server.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload", "--insecure"],
        cwd=folder,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        # One request: its answer waits for the sdk's scenario registry, which a second request would corrupt.
        first_request(url + "/", process, folder / "server.log")
    except NotServing:
        Workbench(url, folder, process).stop()
        raise
    return Workbench(url, folder, process)
