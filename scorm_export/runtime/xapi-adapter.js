/* The player's adapter for a cmi5 launch: the same interface as adapter.js (start, saveProgress,
 * recordInteraction, reportObjective, reportCourse, commit, terminate), spoken as xAPI to the LMS's LRS.
 *
 * Launch (cmi5 sections 8, 10, 11): POST the fetch URL once for the auth token, GET the LMS.LaunchData state
 * (contextTemplate, launchMode, masteryScore, moveOn, returnURL), GET the learner's cmi5LearnerPreferences
 * agent profile, then send "initialized". The player starts synchronously, so these few start-up requests are
 * synchronous; statements afterwards go out through xapi-sender.js (in order, one batch at a time, keepalive).
 *
 * "Once per registration" (completed, passed, failed, each activity's completed) is recorded as sent only when
 * the LRS answered 2xx. A statement still unanswered when the page closed is "pending" in our state document
 * (by id); the next launch asks the LRS whether it has it. Answers the LRS did not accept wait in the outbox
 * (xapi-outbox.js) and are restated in the next Normal session of the registration. */
// needs: xapi-statements.js xapi-outbox.js xapi-sender.js status.js
(function (Z, root) {
  "use strict";

  var PROGRESS_STATE = "zhineng.progress"; // our own state document: bookmark, suspend_data, what was said
  var PREFERENCES = "cmi5LearnerPreferences"; // cmi5 section 11: the learner's agent profile document

  function randomBytes(n) {
    var b = new Uint8Array(n);
    root.crypto.getRandomValues(b);
    return b;
  }

  function localStore() {
    try {
      return root && root.localStorage ? root.localStorage : null;
    } catch (err) {
      return null; // storage forbidden in this frame
    }
  }

  // cmi5 10.2.6: the AU returns the learner to returnURL. Only a web page: a javascript: or data: URL written
  // into the launch data would run in the AU's own origin.
  function webUrl(value) {
    if (typeof value !== "string" || !value) return null;
    try {
      var url = root && root.location ? new URL(value, root.location.href) : new URL(value);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (err) {
      return null;
    }
  }

  /** launch: cmi5Launch(location.search); options.onCommitState(ok); for tests: options.now(), options.xhr(),
   * options.fetch(url, init), options.random(n), options.storage (a localStorage stand-in, or null). */
  function XapiAdapter(launch, payload, options) {
    options = options || {};
    this.launch = launch;
    this.payload = payload;
    this.onCommitState = options.onCommitState || function () {};
    this.now = options.now || function () { return Date.now(); };
    this.xhr = options.xhr || function () { return new root.XMLHttpRequest(); };
    this.fetch = options.fetch || function (url, init) { return root.fetch(url, init); };
    this.random = options.random || randomBytes;
    this.outbox = new Z.Outbox("storage" in options ? options.storage : localStore(), launch);
    this.token = null;
    this.sender = null; // xapi-sender.js, once the launch gave a token
    this.sent = {}; // said once for this registration, and accepted by the LRS (kept in our state)
    this.pending = {}; // key -> statement id: said, not yet accepted (kept in our state)
    this.said = {}; // said in this session, accepted or not
    this.progress = null;
    this.savedProgress = null;
    this.terminated = false;
    this.errors = [];
    this.exitable = true; // the player shows its exit control (cmi5 10.2.6)
    this.returnURL = null;
    this.preferences = {};
  }

  // The start-up requests: synchronous, because the player reads the saved state before it renders.
  XapiAdapter.prototype.request = function (method, url) {
    var x = this.xhr();
    x.open(method, url, false);
    x.setRequestHeader("X-Experience-API-Version", Z.XAPI_VERSION);
    if (this.token) x.setRequestHeader("Authorization", "Basic " + this.token);
    x.send(null);
    return x;
  };

  XapiAdapter.prototype.agent = function () {
    return encodeURIComponent(JSON.stringify(this.launch.actor));
  };

  XapiAdapter.prototype.stateUrl = function (stateId) {
    var l = this.launch;
    return l.endpoint + "activities/state?stateId=" + encodeURIComponent(stateId) +
      "&activityId=" + encodeURIComponent(l.activityId) + "&agent=" + this.agent() +
      "&registration=" + encodeURIComponent(l.registration);
  };

  XapiAdapter.prototype.getJson = function (what, url) {
    var x = this.request("GET", url);
    if (x.status === 404) return null;
    if (x.status < 200 || x.status >= 300) throw new Error(what + ": HTTP " + x.status);
    return JSON.parse(x.responseText);
  };

  XapiAdapter.prototype.getState = function (stateId) {
    return this.getJson("state " + stateId, this.stateUrl(stateId));
  };

  /** cmi5 11.0: read on start, before any statement. No document (404) or a refusal is no preference. */
  XapiAdapter.prototype.readPreferences = function () {
    var url = this.launch.endpoint + "agents/profile?agent=" + this.agent() + "&profileId=" + PREFERENCES;
    try {
      var doc = this.getJson("agent profile " + PREFERENCES, url);
      return doc && typeof doc === "object" ? doc : {};
    } catch (err) {
      this.errors.push({ element: "preferences", value: String(err && err.message), code: "cmi5" });
      return {};
    }
  };

  // What the last session said but never heard back about: the LRS knows whether it has each statement.
  XapiAdapter.prototype.confirmPending = function (pending) {
    var self = this;
    Object.keys(pending).forEach(function (key) {
      var id = pending[key];
      try {
        var found = self.getJson("statement", self.launch.endpoint + "statements?statementId=" + encodeURIComponent(id));
        // xAPI answers the statement itself, or 404; some LRSs (ralph 5) answer an empty result instead.
        var list = found && Array.isArray(found.statements) ? found.statements : [found];
        if (list.some(function (s) { return s && s.id === id; })) self.sent[key] = true;
      } catch (err) {
        // Unknown: do not say it again in this session (it may be stored); ask again next launch.
        self.said[key] = true;
        self.pending[key] = id;
      }
    });
  };

  /** The cmi5 launch sequence, then "initialized". Any failure: ok false, and the player runs standalone. */
  XapiAdapter.prototype.start = function () {
    this.started = this.now();
    try {
      var f = this.request("POST", this.launch.fetch);
      if (f.status !== 200) throw new Error("fetch URL: HTTP " + f.status);
      var answer = JSON.parse(f.responseText);
      if (!answer["auth-token"]) throw new Error("fetch URL: " + (answer["error-text"] || "no auth-token"));
      this.token = answer["auth-token"];
      this.launchData = this.getState("LMS.LaunchData");
      if (!this.launchData) throw new Error("no LMS.LaunchData state");
      this.preferences = this.readPreferences();
      this.savedProgress = this.getState(PROGRESS_STATE) || {};
    } catch (err) {
      this.errors.push({ element: "launch", value: String(err && err.message), code: "cmi5" });
      return { ok: false, entry: "", suspendData: "", location: "" };
    }
    var d = this.launchData;
    this.launchMode = d.launchMode || "Normal";
    this.masteryScore = typeof d.masteryScore === "number" ? d.masteryScore : null;
    // moveOn is the LMS's rule for satisfying the AU; whatever it says, the AU reports both completion and
    // the pass/fail judgement, which is all any moveOn value needs. Kept for inspection (QA, tests).
    this.moveOn = d.moveOn || "CompletedAndPassed";
    this.returnURL = webUrl(d.returnURL);
    this.maker = new Z.StatementMaker(this.launch, d, this.payload, { random: this.random, now: this.now });
    var self = this;
    this.sender = new Z.StatementSender({
      url: this.launch.endpoint + "statements", token: this.token, fetch: this.fetch, outbox: this.outbox,
      onAccepted: function (batch) { self.accepted(batch); }, onCommitState: this.onCommitState, errors: this.errors,
    });
    var saved = this.savedProgress;
    this.sent = JSON.parse(JSON.stringify(saved.sent || {}));
    this.confirmPending(saved.pending || {});
    this.enqueue(this.maker.defined("initialized"));
    // Answers an earlier session could not deliver, said again now; never into a Browse or Review session,
    // whose answers are no evidence.
    if (this.launchMode === "Normal") {
      this.outbox.load().forEach(function (old) { self.enqueue(self.maker.restate(old), null, true); });
    }
    var language = this.preferences.languagePreference;
    return {
      ok: true,
      entry: saved.suspendData ? "resume" : "ab-initio",
      suspendData: saved.suspendData || "",
      location: saved.location || "",
      languagePreference: typeof language === "string" ? language : "",
    };
  };

  /** key: what this statement says once per registration (or null); keep: an answer for the outbox. */
  XapiAdapter.prototype.enqueue = function (statement, key, keep) {
    if (this.terminated) return;
    if (key) {
      this.said[key] = true;
      this.pending[key] = statement.id;
    }
    this.sender.enqueue({ statement: statement, key: key || null, keep: !!keep });
  };

  // Said, or being said, in this registration.
  XapiAdapter.prototype.has = function (key) {
    return !!(this.sent[key] || this.said[key]);
  };

  XapiAdapter.prototype.saveProgress = function (location, suspendData) {
    // Review mode shows a finished attempt: nothing the learner does then is kept.
    if (this.launchMode !== "Review") this.progress = { location: location, suspendData: suspendData };
  };

  XapiAdapter.prototype.recordInteraction = function (item) {
    if (this.launchMode === "Review") return;
    var statement = item.question ? this.maker.answered(item) : this.maker.reflected(item);
    this.enqueue(statement, null, this.launchMode === "Normal");
  };

  XapiAdapter.prototype.recordTask = function (item) {
    if (this.launchMode === "Review") return;
    this.enqueue(this.maker.submitted(item), null, this.launchMode === "Normal");
  };

  XapiAdapter.prototype.recordRating = function (item) {
    if (this.launchMode === "Review") return;
    this.enqueue(this.maker.rated(item), null, this.launchMode === "Normal");
  };

  // K and A status reach the LRS through the answered statements (the report grades them with the mastery
  // rule); an activity says "completed" once, when it is done, naming the activity by its CASE IRI.
  XapiAdapter.prototype.reportObjective = function (kind, id, status) {
    if (kind !== "activity" || status !== "completed" || this.launchMode === "Review") return;
    var key = "activity " + id;
    if (!this.has(key)) this.enqueue(this.maker.activityCompleted(id), key);
  };

  /** completed once the module is done, then passed or failed by LaunchData's masteryScore (cmi5 9.5.2). */
  XapiAdapter.prototype.reportCourse = function (status, score) {
    if (this.launchMode !== "Normal") return; // Browse and Review never complete, pass or fail (cmi5 10.2.2)
    if (status !== "passed" && status !== "failed" && status !== "completed") return;
    var ms = this.now() - this.started;
    if (!this.has("completed")) this.enqueue(this.maker.defined("completed", ms), "completed");
    if (status === "completed" || this.has("passed")) return;
    var scaled = Z.scaled4(score.scaled); // the value the statement carries is the one judged
    // The mastery comparison of quizzes/mastery.py (status.js reaches), on the score's share of 1.
    var ok = this.masteryScore === null ? status === "passed" : Z.reaches(scaled, 1, this.masteryScore);
    var verb = ok ? "passed" : "failed";
    // Once per registration; a failed attempt may still pass later (cmi5 9.3.4-5), never the reverse.
    if (!this.has(verb)) this.enqueue(this.maker.defined(verb, ms, { scaled: scaled }), verb);
  };

  /** Send what is queued (in order, one batch in flight) and the progress state; never blocks. */
  XapiAdapter.prototype.commit = function () {
    if (this.terminated) return false;
    this.putProgress();
    this.sender.flush();
    return !this.sender.commitFailed;
  };

  XapiAdapter.prototype.putProgress = function () {
    if (!this.progress) return;
    var doc = { location: this.progress.location, suspendData: this.progress.suspendData,
      sent: this.sent, pending: this.pending };
    doc = JSON.parse(JSON.stringify(doc)); // a snapshot: sent and pending keep changing
    if (JSON.stringify(doc) === JSON.stringify(this.savedProgress)) return;
    var self = this;
    this.sender.request("PUT", this.stateUrl(PROGRESS_STATE), doc).then(function (ok) {
      if (ok) self.savedProgress = doc;
    });
  };

  // The LRS answered 2xx: what the batch said once is now said, and our state document says so.
  XapiAdapter.prototype.accepted = function (batch) {
    var self = this;
    var keys = batch.filter(function (e) { return e.key; });
    keys.forEach(function (e) {
      self.sent[e.key] = true;
      delete self.pending[e.key];
    });
    if (keys.length) this.putProgress();
  };

  /** For the exit control: resolves once the last batch is answered (or given up on, or after a while). */
  XapiAdapter.prototype.settled = function () {
    return this.sender ? this.sender.settled() : Promise.resolve();
  };

  /** "terminated" is the last statement of the session (cmi5 9.3.8); sent once, with what is still queued. */
  XapiAdapter.prototype.terminate = function () {
    if (this.terminated || !this.maker) return;
    this.enqueue(this.maker.defined("terminated", this.now() - this.started));
    this.terminated = true;
    this.putProgress();
    this.sender.flushNow();
  };

  Z.XapiAdapter = XapiAdapter;
})(Zhineng, typeof window !== "undefined" ? window : null);
