/* Progress through the module, read from the learner's saved state alone (state.js keeps the visited
 * activities, answers, reflections and tasks), so a relaunch shows what the learner saw. Small and in the launch
 * script: the header and the overview show it before any page module is loaded. */
// needs:
(function (Z) {
  "use strict";

  /** How far the learner is through the module: activity pages visited, questions answered, reflections and
   * performance tasks submitted (a draft is not), and pct, the share of all of them done (0-100). */
  function moduleProgress(payload, state) {
    var acts = payload.objectives.activities;
    var tasks = payload.tasks || [];
    var p = {
      visited: acts.filter(function (a) { return state.visited[a]; }).length, activities: acts.length,
      answered: payload.questions.filter(function (q) { return state.answers[q.id]; }).length,
      questions: payload.questions.length,
      reflected: payload.reflections.filter(function (r) { var s = state.reflections[r.id]; return s && s.submitted; }).length,
      reflections: payload.reflections.length,
      submitted: tasks.filter(function (x) { var s = (state.tasks || {})[x.id]; return s && s.status !== "draft"; }).length,
      tasks: tasks.length,
    };
    var all = p.activities + p.questions + p.reflections + p.tasks;
    p.pct = all ? Math.floor(100 * (p.visited + p.answered + p.reflected + p.submitted) / all) : 0;
    return p;
  }

  Z.moduleProgress = moduleProgress;
})(Zhineng);
