/* The SCO's own rollup, so the LMS gets per-K, per-activity and module status without a sequencer.
 * knowledgeStandings and modulePassed mirror quizzes/mastery.py (same sums in the same order; the statuses are
 * status.js's, ported from quizzes/mastery.py and quizzes/status.py: tests/test_rollup_parity.py,
 * tests/test_status.py). */
// needs: status.js
(function (Z) {
  "use strict";

  function thresholdFor(mastery, k) {
    var own = mastery.knowledge || {};
    return Object.prototype.hasOwnProperty.call(own, k) ? own[k] : mastery.threshold;
  }

  /** {K: {earned, available, answered, questions, threshold, ratio, status}}; results keyed by question id. */
  function knowledgeStandings(questions, results, mastery) {
    var totals = {};
    questions.forEach(function (q) {
      var result = results[q.id];
      q.knowledge.forEach(function (k) {
        var t = totals[k] || (totals[k] = { earned: 0.0, available: 0.0, answered: 0, questions: 0 });
        t.earned = t.earned + (result ? result.score : 0.0);
        t.available = t.available + (q.points === undefined ? 1.0 : q.points);
        t.answered = t.answered + (result ? 1 : 0);
        t.questions = t.questions + 1;
      });
    });
    Object.keys(totals).forEach(function (k) {
      var t = totals[k];
      t.threshold = thresholdFor(mastery, k);
      t.ratio = t.available ? t.earned / t.available : 0.0;
      t.status = Z.knowledgeStatus(t.earned, t.available, t.answered, t.questions, t.threshold);
    });
    return totals;
  }

  /** The one passing rule (quizzes/mastery.py module_passed): every K item the module assesses is mastered. */
  function modulePassed(knowledge) {
    return Object.keys(knowledge).every(function (k) { return knowledge[k].status === "mastered"; });
  }

  function share(questions, results) {
    var earned = 0.0;
    var available = 0.0;
    questions.forEach(function (q) {
      earned += results[q.id] ? results[q.id].score : 0.0;
      available += q.points === undefined ? 1.0 : q.points;
    });
    return { earned: earned, available: available, ratio: available ? earned / available : 0.0 };
  }

  function isSubmitted(state) {
    return function (r) { return !!(state.reflections[r.id] && state.reflections[r.id].submitted); };
  }

  function submitted(reflections, state) {
    return reflections.every(isSubmitted(state));
  }

  // A task counts as done once its deliverable is submitted; its self-rating is never evidence of mastery.
  function isDelivered(state) {
    return function (t) {
      var saved = (state.tasks || {})[t.id];
      return !!saved && saved.status !== "draft";
    };
  }

  function delivered(tasks, state) {
    return tasks.every(isDelivered(state));
  }

  /** Everything the progress view and the LMS report need, from the payload, the state and the results. */
  function rollup(payload, state, results) {
    var knowledge = knowledgeStandings(payload.questions, results, payload.mastery);
    var activities = {};
    payload.objectives.activities.forEach(function (a) {
      var qs = payload.questions.filter(function (q) { return q.activity === a; });
      var rs = payload.reflections.filter(function (r) { return r.activity === a; });
      var ts = (payload.tasks || []).filter(function (t) { return t.activity === a; });
      var answered = qs.filter(function (q) { return results[q.id]; }).length;
      // Its parts (quizzes/status.py progress_status): the page seen, each question, reflection and task.
      var parts = [!!state.visited[a]].concat(
        qs.map(function (q) { return !!results[q.id]; }), rs.map(isSubmitted(state)), ts.map(isDelivered(state)));
      var status = Z.progressStatus(parts);
      activities[a] = {
        visited: !!state.visited[a],
        answered: answered,
        questions: qs.length,
        score: share(qs, results),
        status: status,
        done: status === "completed",
      };
    });
    var attitudes = {};
    payload.objectives.attitudes.forEach(function (a) {
      var rs = payload.reflections.filter(function (r) { return r.attitude === a; });
      var ratings = rs.filter(isSubmitted(state)).map(function (r) { return state.reflections[r.id].rating; });
      var mean = ratings.length ? ratings.reduce(function (x, y) { return x + y; }, 0) / ratings.length : 0;
      var status = Z.attitudeStatus(rs.map(isSubmitted(state)));
      attitudes[a] = {
        status: status, done: status === "reflected", submitted: ratings.length, reflections: rs.length, rating: mean,
      };
    });
    var allAnswered = payload.questions.every(function (q) { return results[q.id]; });
    var complete = allAnswered && submitted(payload.reflections, state) && delivered(payload.tasks || [], state) &&
      payload.objectives.activities.every(function (a) { return activities[a].done; });
    var passed = modulePassed(knowledge);
    var status = "incomplete";
    if (complete) status = payload.questions.length === 0 ? "completed" : passed ? "passed" : "failed";
    else if (allAnswered && payload.questions.length) status = passed ? "incomplete_passed" : "incomplete_failed";
    return {
      knowledge: knowledge,
      activities: activities,
      attitudes: attitudes,
      score: share(payload.questions, results),
      answered: payload.questions.filter(function (q) { return results[q.id]; }).length,
      allAnswered: allAnswered,
      status: status,
    };
  }

  Object.assign(Z, { knowledgeStandings: knowledgeStandings, modulePassed: modulePassed, rollup: rollup });
})(Zhineng);
