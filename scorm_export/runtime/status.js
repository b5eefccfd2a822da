/* The statuses' rules, ported from Python: reaches, judged and knowledgeStatus from quizzes/mastery.py,
 * progressStatus and attitudeStatus from quizzes/status.py, with the same words. tests/vectors/mastery.json and
 * tests/vectors/status.json hold the cases both languages are run on (tests/test_status.py, status.test.js). */
// needs:
(function (Z) {
  "use strict";

  var SLACK = 1e-9; // quizzes/mastery.py SLACK: 0.1 * 8 of 1 point still reaches 0.8

  /** The one mastery comparison: do `earned` of `available` points reach `threshold` (a share)? */
  function reaches(earned, available, threshold) {
    return available > 0 && earned / available + SLACK >= threshold;
  }

  function judged(complete, earned, available, threshold) {
    if (!complete) return "incomplete";
    return reaches(earned, available, threshold) ? "mastered" : "not_mastered";
  }

  function knowledgeStatus(earned, available, answered, questions, threshold) {
    if (questions === 0) return "not_offered";
    if (answered === 0) return "not_attempted";
    return judged(answered === questions, earned, available, threshold);
  }

  /** An activity's status from whether each of its parts is done. */
  function progressStatus(parts) {
    if (!parts.length) return "not_offered";
    var done = parts.filter(Boolean).length;
    if (done === parts.length) return "completed";
    return done ? "incomplete" : "not_attempted";
  }

  function attitudeStatus(reflections) {
    var status = progressStatus(reflections);
    return status === "completed" ? "reflected" : status;
  }

  Object.assign(Z, {
    reaches: reaches, judged: judged, knowledgeStatus: knowledgeStatus,
    progressStatus: progressStatus, attitudeStatus: attitudeStatus,
  });
})(Zhineng);
