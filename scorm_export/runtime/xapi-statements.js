/* The xAPI statements an AU sends, as plain objects (no I/O, so Node can test them).
 * cmi5-defined statements (section 9.3) carry the cmi5 category; answers and reflections are cmi5-allowed
 * statements, which must not. Every statement names its K or A item by the CASE IRI from payload.xapi.items,
 * in context.contextActivities.other and in result.extensions under ITEM (docs/reporting.md, "xAPI statements";
 * the keys mirror reports/xapi_ids.py). */
(function (root) {
  "use strict";

  var node = typeof module !== "undefined" && module.exports;
  var table = node ? require("./scorm-table.js") : root.Zhineng;
  var responses = node ? require("./responses.js") : root.Zhineng;
  var duration = table.SCORM_VERSIONS.scorm2004.sessionTime; // ISO 8601, as xAPI's result.duration wants

  var ADL = "http://adlnet.gov/expapi/verbs/";
  var VERBS = {
    initialized: ADL + "initialized", completed: ADL + "completed", passed: ADL + "passed",
    failed: ADL + "failed", terminated: ADL + "terminated", answered: ADL + "answered",
  };
  var CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  var MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  var EXT = {
    item: "https://zhineng.example/xapi/ext/item",
    question: "https://zhineng.example/xapi/ext/question",
    reflection: "https://zhineng.example/xapi/ext/reflection",
    rating: "https://zhineng.example/xapi/ext/rating",
  };
  var INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction";
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
    this.payload = payload;
    this.items = (payload.xapi && payload.xapi.items) || {};
    this.random = options.random;
    this.now = options.now;
  }

  StatementMaker.prototype.base = function (verb, object, categories) {
    var context = copy(this.template);
    context.registration = this.launch.registration;
    var acts = context.contextActivities = context.contextActivities || {};
    if (categories.length) {
      acts.category = (acts.category || []).concat(categories.map(function (id) { return { id: id }; }));
    }
    return {
      id: uuid4(this.random),
      actor: this.launch.actor,
      verb: { id: VERBS[verb], display: { "en-US": verb } },
      object: object,
      context: context,
      timestamp: new Date(this.now()).toISOString(),
    };
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
    statement.context.contextActivities.other = ids.map(function (id) { return self.itemActivity(id); });
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
      if (score) s.result.score = { scaled: Math.round(score.scaled * 10000) / 10000 };
    }
    return s;
  };

  /** cmi5-allowed: one answered question (the adapter's interaction item). */
  StatementMaker.prototype.answered = function (item) {
    var q = item.question;
    var values = responses.interactionValues("scorm2004", item, false);
    var object = {
      objectType: "Activity",
      id: this.payload.xapi.au + ":question:" + q.id,
      definition: {
        type: INTERACTION,
        name: lang({}, this.payload.module.language, q.id),
        interactionType: values.type,
      },
    };
    var correct = values.correct.filter(function (p) { return p !== null; });
    if (correct.length) object.definition.correctResponsesPattern = correct;
    var s = this.base("answered", object, []);
    s.result = {
      success: !!item.result.correct,
      score: { raw: item.result.score, min: 0, max: item.result.max_score },
      duration: duration(item.at - item.startedAt),
      extensions: {},
    };
    if (values.learner !== null) s.result.response = values.learner;
    if (item.result.max_score > 0) s.result.score.scaled = Math.round((item.result.score / item.result.max_score) * 10000) / 10000;
    s.result.extensions[EXT.question] = q.id;
    return this.name(s, q.knowledge);
  };

  /** cmi5-allowed: one submitted reflection, its full text and its 1-5 self-rating. */
  StatementMaker.prototype.reflected = function (item) {
    var r = item.reflection;
    var object = {
      objectType: "Activity",
      id: this.payload.xapi.au + ":reflection:" + r.id,
      definition: { type: INTERACTION, name: lang({}, this.payload.module.language, r.id), interactionType: "long-fill-in" },
    };
    var s = this.base("answered", object, []);
    s.result = { response: String(item.text), duration: duration(item.at - item.startedAt), extensions: {} };
    s.result.extensions[EXT.reflection] = r.id;
    if (item.rating) s.result.extensions[EXT.rating] = item.rating;
    return this.name(s, [r.attitude]);
  };

  /** cmi5-allowed: an activity of the task is done (its lesson visited, questions answered, reflections in). */
  StatementMaker.prototype.activityCompleted = function (id) {
    var s = this.base("completed", this.itemActivity(id), []);
    s.result = { completion: true };
    return this.name(s, [id]);
  };

  var api = { StatementMaker: StatementMaker, XAPI_VERBS: VERBS, XAPI_EXTENSIONS: EXT, CMI5_CATEGORY: CMI5, uuid4: uuid4 };
  if (node) module.exports = api;
  if (root) {
    root.Zhineng = root.Zhineng || {};
    Object.keys(api).forEach(function (k) { root.Zhineng[k] = api[k]; });
  }
})(typeof window !== "undefined" ? window : null);
