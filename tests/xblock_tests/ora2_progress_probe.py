"""The progress block beside a real ORA2 block, as a learner submits, rates their own work and is rated.

Run in a process of its own (`python ora2_progress_probe.py MODULE.yaml`), for the reasons ora2_probe.py gives.
The learner's steps go through ORA2's own APIs (edx-submissions, its workflow, its self and staff assessment
APIs) on a real ORA2 block parsed from our export; only the progress block is read. Prints the progress
block's standing after each step, and its page at the end, as JSON.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ora2_probe import setup_django


def main(module_file: Path) -> None:
    setup_django()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from openassessment.assessment.api import self as self_api
    from openassessment.assessment.api import staff as staff_api
    from openassessment.workflow import api as workflow_api
    from openassessment.xblock.utils.data_conversion import create_rubric_dict
    from submissions import api as submissions_api
    from zhineng.modules.loader import load_course
    from zhineng.olx_export.elements import progress_element, to_xml
    from zhineng.olx_export.ora import openassessment_element
    from zhineng.xblocks import ora_state

    from xblock_tests.harness import Harness

    course = load_course([module_file])
    module = course.modules[0]
    task = module.tasks[0]
    unit = ET.Element("vertical_demo")
    unit.append(
        openassessment_element(
            course.standard, task, start="2026-01-01T00:00:00Z", due="2027-12-31T00:00:00Z"
        )
    )
    unit.append(progress_element(course.standard, "我的進度", module.tasks))
    h = Harness()
    root = h.parse(to_xml(unit))
    ora, progress = (h.runtime.get_block(c) for c in root.children)
    steps: dict[str, Any] = {"before": progress.standing()}

    learner = "learner-1"
    item = {
        "student_id": learner,
        "course_id": "course",
        "item_id": str(ora.scope_ids.usage_id),
        "item_type": ORA,
    }
    answer = {"parts": [{"text": f"第 {n} 部分"} for n in range(len(ora.prompts))]}
    submission = submissions_api.create_submission(item, answer)["uuid"]
    workflow_api.create_workflow(submission, ["self", "staff"])
    ora.submission_uuid = submission  # what ORA2's own submit handler stores in the learner's state
    ora.save()
    steps["submitted"] = progress.standing()

    rubric = create_rubric_dict(ora.prompts, ora.rubric_criteria)
    top = {c.id: str(len(c.levels)) for c in task.rubric}
    self_api.create_assessment(submission, learner, top, {}, "", rubric)
    steps["self_rated"] = progress.standing()

    when = datetime(2026, 3, 1, tzinfo=UTC)
    low = {c.id: "1" for c in task.rubric}
    staff_api.create_assessment(submission, "staff-1", low, {}, "", rubric, scored_at=when)
    steps["rated_low"] = progress.standing()
    good = {c.id: str(len(c.levels) - 1) for c in task.rubric}  # the level below the top, everywhere
    staff_api.create_assessment(
        submission, "staff-1", good, {}, "", rubric, scored_at=when + timedelta(days=1)
    )
    steps["rated_again"] = progress.standing()
    staff_api.create_assessment(
        submission, "staff-1", top, {}, "", rubric, scored_at=when + timedelta(days=2)
    )
    steps["rated_top"] = progress.standing()
    steps["refresh"] = h.call(progress, "refresh", {}).data
    steps["html"] = h.html(progress)

    ora_state.assessment_apis = lambda: None  # an LMS process that cannot import ORA2's assessment API
    steps["unreadable"] = progress.standing()
    print(json.dumps(steps, ensure_ascii=False, default=str))


ORA = "openassessment"

if __name__ == "__main__":
    main(Path(sys.argv[1]))
