/* The xAPI statements an AU sends, as plain objects (no I/O, so Node can test them).
 * cmi5-defined statements (section 9.3) carry the cmi5 category; answers and reflections are cmi5-allowed
 * statements, which must not. Every statement names its K or A item by the CASE IRI from payload.xapi.items,
 * in context.contextActivities.other and in result.extensions under ITEM (docs/reporting.md, "xAPI statements";
 * the keys mirror reports/xapi_ids.py). The statements of the learner's answers are xapi-answers.js's, in the
 * pages' script: only a page that script draws takes an answer. */
// needs: scorm-table.js
(function (Z) {
  "use strict";

  var duration = Z.SCORM_VERSIONS.scorm2004.sessionTime; // ISO 8601, as xAPI's result.duration wants

  var ADL = "http://adlnet.gov/expapi/verbs/";
  var VERBS = {
    initialized: ADL + "initialized", completed: ADL + "completed", passed: ADL + "passed",
    failed: ADL + "failed", terminated: ADL + "terminated", answered: ADL + "answered",
    submitted: "http://activitystrea.ms/schema/1.0/submit", rated: "http://id.tincanapi.com/verb/rated",
  };
  var DISPLAY = { submitted: "submitted", rated: "rated" }; // the verb's word where its IRI's last part differs
  var CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  var MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  var CMI5_EXT = {
    session: "https://w3id.org/xapi/cmi5/context/extensions/sessionid",
    masteryScore: "https://w3id.org/xapi/cmi5/context/extensions/masteryscore",
    // Defined for the LMS's "launched"; the AU repeats it on its own statements so that a report reading
    // any one statement knows a Browse or Review session's answers are no mastery evidence.
    launchMode: "https://w3id.org/xapi/cmi5/context/extensions/launchmode",
  };
  var EXT = {
    item: "https://zhineng.example/xapi/ext/item",
    question: "https://zhineng.example/xapi/ext/question",
    reflection: "https://zhineng.example/xapi/ext/reflection",
    rating: "https://zhineng.example/xapi/ext/rating",
    task: "https://zhineng.example/xapi/ext/task",
    taskRating: "https://zhineng.example/xapi/ext/task-rating",
    rater: "https://zhineng.example/xapi/ext/rater",
  };
  var COMPETENCY = "http://adlnet.gov/expapi/activities/objective"; // a K or A item is an objective of the AU

  function copy(value) {
    return JSON.parse(JSON.stringify(value));
  }

  function uuid4(random) {
    var b = random(16);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  // xAPI and cmi5 masteryScore both use 4 decimal places; passed/failed is judged on this same value.
  function scaled4(x) {
    return Math.round(x * 10000) / 10000;
  }

  function lang(map, language, text) {
    map[language] = text;
    return map;
  }

  /**
   * launch: cmi5Launch(); launchData: the LMS.LaunchData document; payload: window.ZHINENG_SCO;
   * options.random(n): n random bytes; options.now(): ms clock.
   */
  function StatementMaker(launch, launchData, payload, options) {
    this.launch = launch;
    this.template = launchData.contextTemplate || {};
    this.launchMode = launchData.launchMode || "Normal";
    this.masteryScore = typeof launchData.masteryScore === "number" ? launchData.masteryScore : null;
    this.payload = payload;
    this.items = (payload.xapi && payload.xapi.items) || {};
    this.random = options.random;
    this.now = options.now;
  }

  /** The context of every statement: the LMS's template (never overwritten, cmi5 10.2.1), the registration,
   * then what the statement adds (activities appended to the template's lists, extensions the template lacks). */
  StatementMaker.prototype.context = function (extra) {
    var context = copy(this.template);
    context.registration = this.launch.registration;
    var acts = context.contextActivities = context.contextActivities || {};
    var more = extra.contextActivities || {};
    Object.keys(more).forEach(function (kind) {
      var have = (acts[kind] || []).map(function (a) { return a.id; });
      acts[kind] = (acts[kind] || []).concat(more[kind].filter(function (a) { return have.indexOf(a.id) < 0; }));
    });
    var ext = context.extensions = context.extensions || {};
    var given = extra.extensions || {};
    Object.keys(given).forEach(function (k) { if (!(k in ext)) ext[k] = given[k]; });
    return context;
  };

  /** parent: the activities this statement's object is part of (a question's is the AU), or none. */
  StatementMaker.prototype.base = function (verb, object, categories, parent) {
    var extra = { contextActivities: {}, extensions: {} };
    if (categories.length) extra.contextActivities.category = categories.map(function (id) { return { id: id }; });
    if (parent) extra.contextActivities.parent = parent;
    extra.extensions[CMI5_EXT.launchMode] = this.launchMode;
    return {
      id: uuid4(this.random),
      actor: this.launch.actor,
      verb: { id: VERBS[verb], display: { "en-US": DISPLAY[verb] || verb } },
      object: object,
      context: this.context(extra),
      timestamp: new Date(this.now()).toISOString(),
    };
  };

  /** A statement of an earlier session that the LRS never accepted, restated in this one: a new id and
   * timestamp, this session's context (its session id), the same object, result and item links. */
  StatementMaker.prototype.restate = function (old) {
    var s = copy(old);
    s.id = uuid4(this.random);
    s.timestamp = new Date(this.now()).toISOString();
    var extra = copy(old.context || {});
    delete (extra.extensions || {})[CMI5_EXT.session];
    s.context = this.context(extra);
    return s;
  };

  StatementMaker.prototype.au = function () {
    return { objectType: "Activity", id: this.launch.activityId };
  };

  StatementMaker.prototype.itemActivity = function (id) {
    var l = this.payload.labels[id];
    var name = l ? (l.label + " " + l.text).trim() : id;
    return { objectType: "Activity", id: this.items[id] || id,
      definition: { type: COMPETENCY, name: lang({}, this.payload.module.language, name) } };
  };

  // Tie a statement to its items: context activities for LRS queries, the extension for the report.
  StatementMaker.prototype.name = function (statement, ids) {
    var self = this;
    var acts = statement.context.contextActivities;
    // Appended: an "other" list from the LMS's context template stays (cmi5 10.2.1).
    acts.other = (acts.other || []).concat(ids.map(function (id) { return self.itemActivity(id); }));
    statement.result = statement.result || {};
    statement.result.extensions = statement.result.extensions || {};
    statement.result.extensions[EXT.item] = ids.map(function (id) { return self.items[id] || id; });
    return statement;
  };

  /** cmi5-defined: verb is initialized | completed | passed | failed | terminated. */
  StatementMaker.prototype.defined = function (verb, sessionMs, score) {
    var moveOn = verb === "completed" || verb === "passed" || verb === "failed";
    var s = this.base(verb, this.au(), moveOn ? [CMI5, MOVEON] : [CMI5]);
    if (verb === "initialized") return s;
    s.result = { duration: duration(sessionMs) };
    if (verb === "completed") s.result.completion = true;
    if (verb === "passed" || verb === "failed") {
      s.result.success = verb === "passed";
      if (score) s.result.score = { scaled: scaled4(score.scaled) };
      // cmi5 9.6.3.2: a judgement made by the LMS's masteryScore says which score it used.
      if (this.masteryScore !== null) s.context.extensions[CMI5_EXT.masteryScore] = this.masteryScore;
    }
    return s;
  };

  /** cmi5-allowed: an activity of the task is done (its lesson visited, questions answered, reflections in). */
  StatementMaker.prototype.activityCompleted = function (id) {
    var s = this.base("completed", this.itemActivity(id), []);
    s.result = { completion: true };
    return this.name(s, [id]);
  };

  Object.assign(Z, {
    StatementMaker: StatementMaker, XAPI_VERBS: VERBS, XAPI_EXTENSIONS: EXT, CMI5_CATEGORY: CMI5,
    CMI5_EXTENSIONS: CMI5_EXT, uuid4: uuid4, scaled4: scaled4,
  });
})(Zhineng);
