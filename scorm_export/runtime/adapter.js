/* One adapter over SCORM 1.2 and 2004: the player speaks of answers, objectives and status; the adapter turns
 * them into each version's elements and formats through scorm-table.js. It also owns the LMS conversation:
 * API discovery, batched commits with retries, and a single Terminate. */
// needs: scorm-table.js responses.js state.js deliverable.js
(function (Z) {
  "use strict";

  var MAX_INTERACTIONS = Z.MAX_INTERACTIONS;
  var VERSIONS = Z.SCORM_VERSIONS;
  var STATUS = Z.SCORM_STATUS;
  var interactionValues = Z.interactionValues;
  var decimal = Z.decimal;
  var cleanText = Z.cleanText;

  // The LMS profile's switches (scorm_export/profiles.py, sent as payload.profileSwitches); missing = on.
  var SWITCHES = [
    "interactions", "interactionCorrectResponses", "objectives", "activityObjectives", "attitudeObjectives",
    "longReflectionText",
  ];
  var OBJECTIVE_SWITCH = { knowledge: "objectives", activity: "activityObjectives", attitude: "attitudeObjectives" };
  var RETRY_DELAYS_MS = [300, 1200];
  var MAX_PROBED_OBJECTIVES = 1000; // far above any module's K, activity and A items

  // --- API discovery (ADL): the window's parents up to a limit, then the opener's. --------------

  function scan(win, name, maxParents) {
    for (var tries = 0; win; tries++) {
      try {
        if (win[name]) return win[name];
        if (!win.parent || win.parent === win || tries >= maxParents) return null;
        win = win.parent;
      } catch (err) {
        return null; // a cross-origin frame ends the walk
      }
    }
    return null;
  }

  function findApi(win, version) {
    var v = VERSIONS[version];
    var found = scan(win, v.apiName, v.maxParents);
    if (!found) {
      try {
        if (win.opener) found = scan(win.opener, v.apiName, v.maxParents);
      } catch (err) {
        found = null;
      }
    }
    return found;
  }

  // --- the adapter -----------------------------------------------------------------------------

  /**
   * api: the LMS API object (or a standalone stand-in); version: "scorm12" | "scorm2004".
   * options.switches: payload.profileSwitches; options.onCommitState(ok): the player's warning hook;
   * options.onFault(err): the API threw (called once; the player goes standalone);
   * options.now(): clock (tests); options.setTimeout: timer (tests).
   */
  function Adapter(api, version, options) {
    options = options || {};
    this.api = api;
    this.version = version;
    this.v = VERSIONS[version];
    this.switches = {};
    var given = options.switches || {};
    var self = this;
    SWITCHES.forEach(function (name) { self.switches[name] = given[name] !== false; });
    this.onCommitState = options.onCommitState || function () {};
    this.onFault = options.onFault || function () {};
    this.faulted = false;
    this.now = options.now || function () { return Date.now(); };
    this.setTimeout = options.setTimeout || function (fn, ms) { return setTimeout(fn, ms); };
    this.written = {}; // last value written per element: unchanged values are not sent again
    this.objectiveIndex = {};
    this.interactionCount = 0;
    this.started = 0;
    this.terminated = false;
    this.commitFailed = false;
    this.retryTimer = null;
    this.errors = [];
  }

  /** One API call. An API that throws (or is not callable) must not stop the SCO: the call answers "false",
   *  and onFault tells the player once, so it can carry on standalone. */
  Adapter.prototype.call = function (name) {
    var args = Array.prototype.slice.call(arguments, 1);
    try {
      var out = this.api[this.v.calls[name]].apply(this.api, args);
      return typeof out === "string" || typeof out === "number" || typeof out === "boolean" ? String(out) : "";
    } catch (err) {
      if (!this.faulted) {
        this.faulted = true;
        this.onFault(err);
      }
      return name === "error" ? "101" : "false";
    }
  };

  Adapter.prototype.get = function (element) {
    var value = this.call("get", element);
    return value === "false" && this.faulted ? "" : value;
  };

  Adapter.prototype.set = function (element, value) {
    if (value === null || value === undefined) return true;
    value = String(value);
    if (this.written[element] === value) return true;
    var ok = this.call("set", element, value) === "true";
    if (ok) {
      this.written[element] = value;
    } else {
      this.errors.push({ element: element, value: value, code: this.call("error") });
    }
    return ok;
  };

  function count(text) {
    return /^\d+$/.test(text) ? parseInt(text, 10) : null; // "" or garbage: unknown, not zero
  }

  /** Initialize and read what a relaunch needs. suspend_data is read whatever cmi.entry says (some LMSs never
   *  say "resume"); the player tells a new attempt apart by the marker in its own saved state. */
  Adapter.prototype.start = function () {
    this.started = this.now();
    var ok = this.call("init", "") === "true" && !this.faulted;
    if (!ok) return { ok: false, entry: "", suspendData: "", location: "" };
    var el = this.v.el;
    var objectives = count(this.get("cmi.objectives._count"));
    if (objectives === null) {
      // No usable count (openedx-scorm-xblock answers ""): the rows are found by their ids, so a relaunch
      // writes each objective back to its own row rather than over another one.
      objectives = 0;
      while (objectives < MAX_PROBED_OBJECTIVES && this.get("cmi.objectives." + objectives + ".id")) objectives++;
    }
    for (var i = 0; i < objectives; i++) this.objectiveIndex[this.get("cmi.objectives." + i + ".id")] = i;
    this.objectiveCount = objectives;
    this.lmsInteractionCount = count(this.get("cmi.interactions._count"));
    this.interactionCount = this.lmsInteractionCount || 0;
    var entry = this.get(el.entry);
    var suspendData = this.get(el.suspend);
    var location = suspendData ? this.get(el.location) : "";
    if (this.faulted) return { ok: false, entry: "", suspendData: "", location: "" };
    return { ok: ok, entry: entry, suspendData: suspendData, location: location };
  };

  /** The saved state's next interaction index: never write below it, whatever _count the LMS answered. */
  Adapter.prototype.resumeInteractions = function (next) {
    this.interactionCount = Math.max(this.interactionCount, next || 0);
  };

  Adapter.prototype.saveProgress = function (location, suspendData) {
    this.set(this.v.el.location, location);
    this.set(this.v.el.suspend, suspendData);
  };

  /** item: {question, response, value?, result, knowledge[], startedAt, at} or {reflection, text, attitude, ...}
   *  Returns the learner response as the LMS got it, or null when no interaction was written. */
  Adapter.prototype.recordInteraction = function (item) {
    var isReflection = !item.question;
    if (!this.switches.interactions || this.interactionCount >= MAX_INTERACTIONS) return null;
    var v = this.v;
    var values = interactionValues(this.version, item, !this.switches.longReflectionText);
    var base = "cmi.interactions." + this.interactionCount + ".";
    this.interactionCount++;
    this.set(base + "id", isReflection ? item.reflection.id : item.question.id);
    this.set(base + "type", values.type);
    var self = this;
    var objectives = isReflection ? [item.reflection.attitude] : item.question.knowledge;
    objectives.forEach(function (id, k) { self.set(base + "objectives." + k + ".id", id); });
    this.set(base + v.el.when, v.when(new Date(item.at)));
    if (this.switches.interactionCorrectResponses) {
      var me = this;
      values.correct.forEach(function (pattern, k) {
        if (pattern !== null) me.set(base + "correct_responses." + k + ".pattern", pattern);
      });
    }
    if (!isReflection) this.set(base + "weighting", decimal(item.question.points || 1));
    this.set(base + v.el.learnerResponse, values.learner);
    this.set(base + "result", isReflection ? v.result.neutral : v.result[item.result.correct ? "correct" : "wrong"]);
    this.set(base + "latency", v.latency(item.at - item.startedAt));
    return values.learner;
  };

  // One interaction of a task: the id, type, objectives and response given; result neutral (no key to grade it).
  Adapter.prototype.taskInteraction = function (id, type, objectives, description, response, item) {
    if (!this.switches.interactions || this.interactionCount >= MAX_INTERACTIONS) return false;
    var v = this.v;
    var base = "cmi.interactions." + this.interactionCount + ".";
    this.interactionCount++;
    this.set(base + "id", id);
    this.set(base + "type", type);
    var self = this;
    objectives.forEach(function (o, k) { self.set(base + "objectives." + k + ".id", o); });
    this.set(base + v.el.when, v.when(new Date(item.at)));
    if (description && v.el.objectiveDescription) this.set(base + "description", cleanText(description, 250));
    this.set(base + v.el.learnerResponse, response);
    this.set(base + "result", v.result.neutral);
    this.set(base + "latency", v.latency(item.at - item.startedAt));
    return true;
  };

  /** item: {task, values: {field id: value}, at, startedAt}. 2004: one long-fill-in per part of each field's
   *  value text (deliverable.js), objectives the task's O ids, description the field's label. 1.2 writes none:
   *  the deliverable is in the saved state. Returns how many interactions were written. */
  Adapter.prototype.recordTask = function (item) {
    var type = this.v.types.deliverable;
    if (!type) return 0;
    var task = item.task;
    var written = 0;
    var self = this;
    task.deliverable.forEach(function (f) {
      var parts = Z.lmsParts(Z.valueText(f, item.values[f.id]), Z.PART_MAX);
      parts.forEach(function (part, i) {
        var id = Z.partId(task.id, f.id, i + 1);
        if (self.taskInteraction(id, type, task.outputs, f.label, part, item)) written++;
      });
    });
    return written;
  };

  /** item: {task, levels: {criterion id: level}, at, startedAt}: one likert per criterion, the level number as
   *  the response, objectives the criterion's P ids. A self-rating: no status or score is derived from it. */
  Adapter.prototype.recordRating = function (item) {
    var self = this;
    var task = item.task;
    task.rubric.forEach(function (c) {
      if (!item.levels[c.id]) return;
      self.taskInteraction(Z.selfRatingId(task.id, c.id), self.v.types.self_rating, c.indicators, c.title,
        String(item.levels[c.id]), item);
    });
  };

  Adapter.prototype.objectiveSlot = function (id) {
    if (!(id in this.objectiveIndex)) {
      this.objectiveIndex[id] = this.objectiveCount++;
      this.set("cmi.objectives." + this.objectiveIndex[id] + ".id", id);
    }
    return "cmi.objectives." + this.objectiveIndex[id] + ".";
  };

  // score: {raw, min, max, scaled} or null; status: a key of SCORM_STATUS.
  Adapter.prototype.writeStatus = function (prefix, statusElement, status, score) {
    var v = this.v;
    if (score) {
      if (v.el.scaled && score.scaled !== null && score.scaled !== undefined) {
        this.set(prefix + "score.scaled", decimal(Math.round(score.scaled * 10000) / 10000));
      }
      this.set(prefix + "score.raw", decimal(Math.round(score.raw * 100) / 100));
      this.set(prefix + "score.min", decimal(score.min));
      this.set(prefix + "score.max", decimal(score.max));
    }
    var words = STATUS[status][this.version];
    if (this.version === "scorm12") {
      this.set(statusElement, words);
    } else {
      this.set(prefix + "completion_status", words[0]);
      this.set(prefix + "success_status", words[1]);
    }
  };

  /** kind: "knowledge" | "attitude" | "activity"; description is sent once, in 2004 only. */
  Adapter.prototype.reportObjective = function (kind, id, status, score, description) {
    if (!this.switches[OBJECTIVE_SWITCH[kind]]) return;
    var fresh = !(id in this.objectiveIndex);
    var prefix = this.objectiveSlot(id);
    if (fresh && description && this.v.el.objectiveDescription) {
      this.set(prefix + "description", cleanText(description, 250));
    }
    this.writeStatus(prefix, prefix + "status", status, score);
  };

  /** The module's own status and score; exit says whether the learner can come back to this attempt.
   *  Returns whether the attempt is done (exit normal), for the saved state's attempt marker. */
  Adapter.prototype.reportCourse = function (status, score) {
    this.writeStatus(this.v.el.score.replace(/score$/, ""), this.v.el.lessonStatus, status, score);
    var done = STATUS[status].scorm12 !== "incomplete" && status !== "not_attempted";
    this.set(this.v.el.exit, done ? this.v.exit.done : this.v.exit.suspend);
    return done;
  };

  /** Commit now; on failure retry a few times, then warn the learner (and keep retrying on later commits). */
  Adapter.prototype.commit = function () {
    if (this.terminated) return false;
    this.set(this.v.el.sessionTime, this.v.sessionTime(this.now() - this.started));
    var ok = this.call("commit", "") === "true";
    if (ok) {
      this.settle(true);
    } else {
      this.scheduleRetry(0);
    }
    return ok;
  };

  Adapter.prototype.scheduleRetry = function (attempt) {
    var self = this;
    if (this.retryTimer !== null) return;
    if (attempt >= RETRY_DELAYS_MS.length) {
      this.settle(false);
      return;
    }
    this.retryTimer = this.setTimeout(function () {
      self.retryTimer = null;
      if (self.terminated) return;
      if (self.call("commit", "") === "true") {
        self.settle(true);
      } else {
        self.scheduleRetry(attempt + 1);
      }
    }, RETRY_DELAYS_MS[attempt]);
  };

  Adapter.prototype.settle = function (ok) {
    if (ok === !this.commitFailed) return;
    this.commitFailed = !ok;
    this.onCommitState(ok);
  };

  /** Commit and finish, exactly once, whatever mix of pagehide/beforeunload/unload fires. Each call is
   *  guarded (Adapter.call), so a throwing commit still leaves finish its turn. */
  Adapter.prototype.terminate = function () {
    if (this.terminated) return;
    this.set(this.v.el.sessionTime, this.v.sessionTime(this.now() - this.started));
    if (this.call("commit", "") !== "true") this.call("commit", "");
    this.terminated = true;
    this.call("finish", "");
  };

  Object.assign(Z, {
    Adapter: Adapter,
    findApi: findApi,
    interactionValues: interactionValues,
    PROFILE_SWITCHES: SWITCHES,
  });
})(Zhineng);
