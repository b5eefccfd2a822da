"""Reporting against the standard: tracking data from SCORM, Open edX and xAPI, merged per learner.

`run_report(paths, fmt, lrs, lrs_auth)` reads the inputs; `build_report(course, records)` is the pure core;
`report_html`, `report_json`, `report_csv` render the result. See docs/reporting.md.
"""
