/* The xAPI statements of the learner's answers (cmi5-allowed): an answered question or reflection, a submitted
 * task and its self-rating, added to xapi-statements.js's StatementMaker. They ship in the cmi5 pages' script
 * (scorm_export/runtime_files.py, CHANNEL_PAGES): every answer is taken on a page that script draws, so a cmi5
 * launch loads none of this until then. */
// needs: scorm-table.js xapi-statements.js xapi-interactions.js deliverable.js
(function (Z) {
  "use strict";

  var duration = Z.SCORM_VERSIONS.scorm2004.sessionTime; // ISO 8601, as xAPI's result.duration wants
  var EXT = Z.XAPI_EXTENSIONS;
  var scaled4 = Z.scaled4;
  var PERFORMANCE = "http://adlnet.gov/expapi/activities/performance"; // a task's object type
  var StatementMaker = Z.StatementMaker;

  /** cmi5-allowed: one answered question (the adapter's interaction item), with its full interaction definition. */
  StatementMaker.prototype.answered = function (item) {
    var q = item.question;
    var made = Z.questionActivity(this.payload.xapi.activities.question + q.id, item, this.payload.module.language);
    var s = this.base("answered", made.activity, [], [this.au()]); // the question is part of the AU
    s.result = {
      success: !!item.result.correct,
      score: { raw: item.result.score, min: 0, max: item.result.max_score },
      duration: duration(item.at - item.startedAt),
      extensions: {},
    };
    if (made.response !== null) s.result.response = made.response;
    if (item.result.max_score > 0) s.result.score.scaled = scaled4(item.result.score / item.result.max_score);
    s.result.extensions[EXT.question] = q.id;
    return this.name(s, q.knowledge);
  };

  /** cmi5-allowed: one submitted reflection, its full text and its 1-5 self-rating. */
  StatementMaker.prototype.reflected = function (item) {
    var r = item.reflection;
    var object = Z.reflectionActivity(this.payload.xapi.activities.reflection + r.id, r, this.payload.module.language);
    var s = this.base("answered", object, [], [this.au()]);
    s.result = { response: String(item.text), duration: duration(item.at - item.startedAt), extensions: {} };
    s.result.extensions[EXT.reflection] = r.id;
    if (item.rating) s.result.extensions[EXT.rating] = item.rating;
    return this.name(s, [r.attitude]);
  };

  StatementMaker.prototype.taskActivity = function (task) {
    return { objectType: "Activity", id: this.payload.xapi.activities.task + task.id,
      definition: { type: PERFORMANCE, name: Z.langMap(this.payload.module.language, task.title) } };
  };

  /** cmi5-allowed: a submitted deliverable, {field id: value text} in result.response, naming the task's O items. */
  StatementMaker.prototype.submitted = function (item) {
    var task = item.task;
    var s = this.base("submitted", this.taskActivity(task), [], [this.au()]);
    s.result = { response: JSON.stringify(Z.responseObject(task, item.values)),
      duration: duration(item.at - item.startedAt), extensions: {} };
    s.result.extensions[EXT.task] = task.id;
    return this.name(s, task.outputs);
  };

  /** cmi5-allowed: the learner's own rating of a submitted deliverable, {criterion id: level}, naming the
   *  criteria's P items. rater "self": never an instructor's rating, so never evidence of mastery. */
  StatementMaker.prototype.rated = function (item) {
    var task = item.task;
    var s = this.base("rated", this.taskActivity(task), [], [this.au()]);
    s.result = { extensions: {} };
    s.result.extensions[EXT.task] = task.id;
    s.result.extensions[EXT.taskRating] = JSON.parse(JSON.stringify(item.levels)); // a copy: the page keeps its own
    s.result.extensions[EXT.rater] = "self";
    var ids = [];
    task.rubric.forEach(function (c) {
      c.indicators.forEach(function (p) { if (ids.indexOf(p) < 0) ids.push(p); });
    });
    return this.name(s, ids);
  };
})(Zhineng);
