"""Import every `openassessment` block of an exported OLX course the way Open edX does, with ORA2's own code.

Run in a process of its own (`python ora2_probe.py OLX_FOLDER`): ORA2 needs its Django apps and a database, which the
other block tests' Django must not see, and ORA2 lives in a folder of its own (`make install` puts it in `.ora2/`)
because the wheel lacks the scenario files its `workbench_scenarios` reads, so installed beside xblock-sdk it stops
the workbench from listing any scenario. Prints one JSON object per block: what ORA2 parsed, and its validator's
verdict (the same checks Studio runs when an author saves the block).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ORA2_FOLDER = ROOT / ".ora2"
ORA2_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "waffle",
    "submissions",
    "openassessment",
    "openassessment.workflow",
    "openassessment.assessment",
    "openassessment.staffgrader",
    "openassessment.fileupload",
]


def setup_django() -> None:
    if not (ORA2_FOLDER / "openassessment").is_dir():
        sys.exit(f"ORA2 is not in {ORA2_FOLDER}: run `make install`")
    sys.path.insert(0, str(ORA2_FOLDER))
    import django
    from django.conf import settings
    from django.core.management import call_command

    settings.configure(
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}},
        INSTALLED_APPS=ORA2_APPS,
        USE_TZ=True,
        FEATURES={},
        LMS_ROOT_URL="http://127.0.0.1",
        LOGGING_CONFIG=None,
        TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}],  # our blocks render
    )
    django.setup()
    call_command("migrate", run_syncdb=True, verbosity=0)  # ORA2's validator saves the rubric it checks


def runtime() -> Any:
    from xblock.runtime import DictKeyValueStore, KvsFieldData, NullI18nService
    from xblock.test.tools import TestRuntime

    return TestRuntime(services={"field-data": KvsFieldData(DictKeyValueStore()), "i18n": NullI18nService()})


def ora_elements(olx: Path) -> list[tuple[str, str]]:
    """(vertical file, the block's XML) for every openassessment block, inline in its vertical as exported."""
    import xml.etree.ElementTree as ET

    found = []
    for path in sorted((olx / "vertical").glob("*.xml")):
        for element in ET.parse(path).getroot():
            if element.tag == "openassessment":
                found.append((path.name, ET.tostring(element, encoding="unicode")))
    return found


def describe(b: Any, verdict: tuple[bool, str]) -> dict[str, object]:
    return {
        "title": b.display_name,
        "prompts": [p["description"] for p in b.prompts],
        "prompts_type": b.prompts_type,
        "text_response": b.text_response,
        "criteria": b.rubric_criteria,
        "assessments": b.rubric_assessments,
        "feedback_prompt": b.rubric_feedback_prompt,
        "max_score": b.max_score(),
        "valid": list(verdict),
    }


def main(olx: Path) -> None:
    setup_django()
    from openassessment.xblock.utils.data_conversion import create_rubric_dict
    from openassessment.xblock.utils.validation import validator

    results = {}
    for name, xml in ora_elements(olx):
        rt = runtime()
        block = rt.get_block(rt.parse_xml_string(xml))
        # OpenAssessmentBlock.parse_xml runs the validator but drops its verdict; Studio's save refuses on it.
        check = validator(block, block._, strict_post_release=False)
        verdict = check(
            create_rubric_dict(block.prompts, block.rubric_criteria),
            block.rubric_assessments,
            submission_start=block.submission_start,
            submission_due=block.submission_due,
            leaderboard_show=block.leaderboard_show,
        )
        results[name] = describe(block, verdict)
    print(json.dumps(results, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
