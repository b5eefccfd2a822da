"""The JS grader (scorm_export/runtime/grader.js) gives the Python grader's results on every golden case."""

from __future__ import annotations

import math
import random
from pathlib import Path
from typing import Any

import yaml
from node_support import needs_node, run_node_json
from pydantic import TypeAdapter
from zhineng.quizzes.grader import ResponseError, grade
from zhineng.quizzes.model import Question

HERE = Path(__file__).parent
CASES = yaml.safe_load((HERE / "golden" / "grading" / "cases.yaml").read_text(encoding="utf-8"))
QUESTIONS = {k: TypeAdapter(Question).validate_python(v) for k, v in CASES["questions"].items()}
# Garbage beyond the golden cases: every question gets each of these too.
GARBAGE: list[Any] = [
    None,
    1,
    1.5,
    True,
    "",
    "x" * 600,
    [],
    [None],
    {},
    {"a": None},
    "１,２５０",
    "٢٥٠",
    " 25 % ",
]

pytestmark = needs_node


def run_js(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    results: list[dict[str, Any]] = run_node_json("grade_cases.js", items)
    return results


def python_outcome(question: Any, response: Any) -> dict[str, Any]:
    try:
        return {"result": grade(question, response).to_dict()}
    except ResponseError as exc:
        return {"error": str(exc)}


def same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if "result" in a and "result" in b:
        x, y = a["result"], b["result"]
        return (
            math.isclose(x["score"], y["score"], rel_tol=0, abs_tol=0)
            and x["max_score"] == y["max_score"]
            and x["correct"] == y["correct"]
            and x["feedback"] == y["feedback"]
            and list((x.get("marks") or {}).items()) == list((y.get("marks") or {}).items())
        )
    return a == b


def test_every_golden_case_matches_python() -> None:
    items = [
        {"question": QUESTIONS[c["question"]].model_dump(mode="json"), "response": c["response"]}
        for c in CASES["cases"]
    ]
    js = run_js(items)
    for case, got in zip(CASES["cases"], js, strict=True):
        want = python_outcome(QUESTIONS[case["question"]], case["response"])
        assert same(got, want), (case["name"], got, want)
        assert ("error" in got) == bool(case.get("error")), case["name"]


def test_garbage_is_refused_the_same_way() -> None:
    pairs = [(q, g) for q in QUESTIONS.values() for g in GARBAGE]
    js = run_js([{"question": q.model_dump(mode="json"), "response": g} for q, g in pairs])
    for (q, g), got in zip(pairs, js, strict=True):
        assert same(got, python_outcome(q, g)), (q.id, g, got)


def random_response(rng: random.Random, question: Any) -> Any:
    """Plausible and implausible responses alike: ids, id lists, maps, numbers and texts in odd forms."""
    ids = [c.id for c in getattr(question, "choices", [])] + [i.id for i in getattr(question, "items", [])]
    ids += ["zz", "a", "o1", "p1"]
    texts = [
        "250",
        "２５０",
        " 250 % ",
        "250%",
        "1,250.5",
        "2,50",
        ".5",
        "5.",
        "1e3",
        "-0",
        "٢٥٠",
        "ROAS",
        "ｒｏａｓ",
        "roi\t",
        "廣告投資報酬率",
        "",
        " ",
        "1e999",
        "+3",
        "0.30000000000000004",
        "x" * 70,
    ]
    kind = rng.randrange(7)
    if kind == 0:
        return rng.choice(ids)
    if kind == 1:
        return rng.sample(ids, rng.randrange(len(ids) + 1))
    if kind == 2:
        return rng.choice([True, False, None, 0, 1])
    if kind == 3:
        return rng.choice([250, 250.5, 249.49, 0.3, -1, 350, 1e300])
    if kind == 4:
        return rng.choice(texts)
    if kind == 5:
        premises = [p.id for p in getattr(question, "premises", [])] + ["p9"]
        options = [o.id for o in getattr(question, "options", [])] + ["o9"]
        return {p: rng.choice(options) for p in rng.sample(premises, rng.randrange(len(premises) + 1))}
    return [rng.choice(ids) for _ in range(rng.randrange(4))]


def test_random_responses_agree() -> None:
    rng = random.Random(4)
    pairs = [(q, random_response(rng, q)) for _ in range(150) for q in QUESTIONS.values()]
    js = run_js([{"question": q.model_dump(mode="json"), "response": r} for q, r in pairs])
    for (q, r), got in zip(pairs, js, strict=True):
        assert same(got, python_outcome(q, r)), (q.id, r, got)
