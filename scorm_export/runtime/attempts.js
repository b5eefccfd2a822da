/* Attempts and the show-answer policy, ported from quizzes/attempts.py (AttemptRule): proven equal on
 * tests/vectors/attempts.json. A question's `attempts` (0 = no limit) and `show_answer` arrive resolved in the
 * payload (its own, else its module's). The score that counts is the last submitted attempt's. */
// needs:
(function (Z) {
  "use strict";

  function closed(q, used) {
    return q.attempts > 0 && used >= q.attempts;
  }

  /** Another attempt is open: one was made, it was not wholly correct, and the limit is not reached. */
  function canRetry(q, used, correct) {
    return used > 0 && !correct && !closed(q, used);
  }

  /** Attempts still open; null when there is no limit. */
  function attemptsLeft(q, used) {
    return q.attempts === 0 ? null : Math.max(q.attempts - used, 0);
  }

  /** Whether the key (and the explanation) may be shown after `used` attempts, the last `correct`. */
  function mayShowAnswer(q, used, correct) {
    var answeredRight = used > 0 && correct;
    switch (q.show_answer) {
      case "always": return true;
      case "attempted": return used > 0;
      case "answered": return answeredRight;
      case "closed": return closed(q, used);
      case "finished": return answeredRight || closed(q, used);
      default: return false;
    }
  }

  Object.assign(Z, { attemptsClosed: closed, canRetry: canRetry, attemptsLeft: attemptsLeft, mayShowAnswer: mayShowAnswer });
})(Zhineng);
