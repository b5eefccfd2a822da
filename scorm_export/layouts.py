"""How SCORM packages split a course: one zip for the whole course, or one zip per module."""

from __future__ import annotations

LAYOUTS = ("course", "per-module")
