"""SCORM export numbers: full-course export time per SCORM version, and each SCO's payload size.

Run: python bench/bench_export.py [--repeat N]. Prints only; no timed test asserts these.
The payload goal is < 100 KB per SCO (data.js, excluding images).
"""

from __future__ import annotations

import argparse
import statistics
import time

from zhineng.modules.loader import load_course
from zhineng.scorm_export.package import build_packages

from zhineng.files import zip_bytes

GOAL_KB = 100


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="runs per version; the median is printed")
    args = parser.parse_args()
    course = load_course()
    build_packages(course, "scorm12")  # warm up: schema compilation and imports are one-off costs

    print("full-course export (build, validate, zip), median of", args.repeat)
    for version in ("scorm12", "scorm2004"):
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            packages = build_packages(course, version)
            zips = [zip_bytes(files) for _, files in packages]
            times.append(time.perf_counter() - start)
        size = sum(len(z) for z in zips) / 1024
        print(f"  {version:<10} {statistics.median(times) * 1000:8.1f} ms   zip {size:7.1f} KB")

    print(f"payload per SCO (sco/<ID>/data.js; goal < {GOAL_KB} KB)")
    for version in ("scorm12", "scorm2004"):
        [(_, files)] = build_packages(course, version)
        for f in files:
            if f.path.endswith("/data.js"):
                kb = len(f.data) / 1024
                flag = "" if kb < GOAL_KB else "  over the goal"
                print(f"  {version:<10} {f.path:<18} {kb:7.1f} KB{flag}")


if __name__ == "__main__":
    main()
