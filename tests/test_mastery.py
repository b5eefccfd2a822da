from pydantic import TypeAdapter
from zhineng.quizzes.grader import grade
from zhineng.quizzes.mastery import MasteryRule, knowledge_standings
from zhineng.quizzes.model import Question


def q(qid: str, knowledge: list[str], points: float = 1) -> Question:
    return TypeAdapter(Question).validate_python(
        {
            "id": qid,
            "type": "true_false",
            "activity": "T1.1",
            "knowledge": knowledge,
            "points": points,
            "prompt": qid,
            "explanation": "e",
            "answer": True,
            "feedback": {"correct": "c", "incorrect": "i"},
        }
    )


QS = [q("q1", ["K1"]), q("q2", ["K1", "K2"]), q("q3", ["K1"], points=3), q("q4", ["K2"])]


def test_default_threshold_is_80_percent_of_points() -> None:
    results = {x.id: grade(x, x.id != "q1") for x in QS}  # q1 wrong: K1 earns 4 of 5 = 0.8
    standings = knowledge_standings(QS, results, MasteryRule())
    assert (standings["K1"].earned, standings["K1"].available, standings["K1"].status) == (4, 5, "mastered")
    assert standings["K2"].status == "mastered"


def test_module_override_per_k() -> None:
    results = {x.id: grade(x, x.id != "q1") for x in QS}
    standings = knowledge_standings(QS, results, MasteryRule(knowledge={"K1": 1.0}))
    assert standings["K1"].status == "not_mastered"


def test_unanswered_questions_leave_the_item_incomplete() -> None:
    results = {"q1": grade(QS[0], True)}
    standings = knowledge_standings(QS, results, MasteryRule())
    assert (standings["K1"].answered, standings["K1"].questions, standings["K1"].status) == (
        1,
        3,
        "incomplete",
    )
