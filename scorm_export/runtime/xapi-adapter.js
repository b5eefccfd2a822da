/* The player's adapter for a cmi5 launch: the same interface as adapter.js (start, saveProgress,
 * recordInteraction, reportObjective, reportCourse, commit, terminate), spoken as xAPI to the LMS's LRS.
 *
 * Launch (cmi5 sections 8, 10, 11): POST the fetch URL once for the auth token, GET the LMS.LaunchData state
 * (contextTemplate, launchMode, masteryScore, moveOn, returnURL), GET the learner's cmi5LearnerPreferences
 * agent profile, then send "initialized". The player starts synchronously, so these few start-up requests are
 * synchronous; statements afterwards go out in order, one batch at a time, as keepalive fetches that survive
 * the page closing.
 *
 * "Once per registration" (completed, passed, failed, each activity's completed) is recorded as sent only when
 * the LRS answered 2xx. A statement still unanswered when the page closed is "pending" in our state document
 * (by id); the next launch asks the LRS whether it has it. Answers the LRS did not accept wait in the outbox
 * (xapi-outbox.js) and are restated in the next Normal session of the registration. */
(function (root) {
  "use strict";

  var node = typeof module !== "undefined" && module.exports;
  var Z = node
    ? Object.assign({}, require("./xapi-statements.js"), require("./xapi-outbox.js"))
    : root.Zhineng;
  var XAPI_VERSION = "1.0.3";
  var PROGRESS_STATE = "zhineng.progress"; // our own state document: bookmark, suspend_data, what was said
  var PREFERENCES = "cmi5LearnerPreferences"; // cmi5 section 11: the learner's agent profile document
  var RETRY_DELAYS_MS = [300, 1200];
  var EXIT_WAIT_MS = 8000;
  var KEEPALIVE_MAX_BYTES = 60000; // under the 64 KB all of a page's keepalive requests share

  function utf8Length(text) {
    return new TextEncoder().encode(text).length;
  } // the exit control waits this long at most for the last batch before returning

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
    this.queue = []; // entries {statement, key, keep}: key = what is said once, keep = goes to the outbox
    this.inFlight = [];
    this.sending = false;
    this.sent = {}; // said once for this registration, and accepted by the LRS (kept in our state)
    this.pending = {}; // key -> statement id: said, not yet accepted (kept in our state)
    this.said = {}; // said in this session, accepted or not
    this.progress = null;
    this.savedProgress = null;
    this.terminated = false;
    this.commitFailed = false;
    this.gaveUp = false;
    this.retries = 0;
    this.waiters = [];
    this.errors = [];
    this.exitable = true; // the player shows its exit control (cmi5 10.2.6)
    this.returnURL = null;
    this.preferences = {};
  }

  // The start-up requests: synchronous, because the player reads the saved state before it renders.
  XapiAdapter.prototype.request = function (method, url) {
    var x = this.xhr();
    x.open(method, url, false);
    x.setRequestHeader("X-Experience-API-Version", XAPI_VERSION);
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
    var saved = this.savedProgress;
    this.sent = JSON.parse(JSON.stringify(saved.sent || {}));
    this.confirmPending(saved.pending || {});
    this.enqueue(this.maker.defined("initialized"));
    // Answers an earlier session could not deliver, said again now; never into a Browse or Review session,
    // whose answers are no evidence.
    var self = this;
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
    this.queue.push({ statement: statement, key: key || null, keep: !!keep });
    if (key) {
      this.said[key] = true;
      this.pending[key] = statement.id;
    }
    if (keep) this.saveOutbox();
  };

  XapiAdapter.prototype.saveOutbox = function () {
    var kept = [];
    this.inFlight.concat([this.queue]).forEach(function (entries) {
      entries.forEach(function (e) { if (e.keep) kept.push(e.statement); });
    });
    this.outbox.save(kept);
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
    var ok = this.masteryScore === null ? status === "passed" : scaled >= this.masteryScore;
    var verb = ok ? "passed" : "failed";
    // Once per registration; a failed attempt may still pass later (cmi5 9.3.4-5), never the reverse.
    if (!this.has(verb)) this.enqueue(this.maker.defined(verb, ms, { scaled: scaled }), verb);
  };

  /** Send what is queued (in order, one batch in flight) and the progress state; never blocks. */
  XapiAdapter.prototype.commit = function () {
    if (this.terminated) return false;
    this.putProgress();
    this.flush();
    return !this.commitFailed;
  };

  XapiAdapter.prototype.putProgress = function () {
    if (!this.progress) return;
    var doc = { location: this.progress.location, suspendData: this.progress.suspendData,
      sent: this.sent, pending: this.pending };
    doc = JSON.parse(JSON.stringify(doc)); // a snapshot: sent and pending keep changing
    if (JSON.stringify(doc) === JSON.stringify(this.savedProgress)) return;
    var self = this;
    this.send("PUT", this.stateUrl(PROGRESS_STATE), doc).then(function (ok) {
      if (ok) self.savedProgress = doc;
    });
  };

  XapiAdapter.prototype.flush = function () {
    if (this.sending || !this.queue.length) return this.idle();
    var batch = this.queue.splice(0, this.queue.length);
    var self = this;
    this.sending = true;
    this.gaveUp = false;
    this.inFlight.push(batch);
    var statements = batch.map(function (e) { return e.statement; });
    this.send("POST", this.launch.endpoint + "statements", statements).then(function (ok) {
      self.inFlight.splice(self.inFlight.indexOf(batch), 1);
      self.sending = false;
      if (ok) {
        self.accepted(batch);
        self.retries = 0;
        self.settle(true);
        self.flush();
        return;
      }
      self.queue = batch.concat(self.queue);
      if (self.retries < RETRY_DELAYS_MS.length) {
        setTimeout(function () { self.flush(); }, RETRY_DELAYS_MS[self.retries++]);
      } else {
        self.settle(false); // the learner sees the warning; the next commit (or launch) tries again
        self.retries = 0;
        self.gaveUp = true;
        self.idle();
      }
    });
  };

  // The LRS answered 2xx: what the batch said once is now said, and its answers leave the outbox.
  XapiAdapter.prototype.accepted = function (batch) {
    var self = this;
    var keys = false;
    var kept = false;
    batch.forEach(function (e) {
      if (e.key) {
        self.sent[e.key] = true;
        delete self.pending[e.key];
        keys = true;
      }
      kept = kept || e.keep;
    });
    if (kept) this.saveOutbox();
    if (keys) this.putProgress();
  };

  XapiAdapter.prototype.idle = function () {
    if (this.inFlight.length || (this.queue.length && !this.gaveUp)) return;
    this.waiters.splice(0, this.waiters.length).forEach(function (resolve) { resolve(); });
  };

  /** Resolves when nothing is in flight and the queue is sent (or given up on), or after EXIT_WAIT_MS. */
  XapiAdapter.prototype.settled = function () {
    var self = this;
    return new Promise(function (resolve) {
      self.waiters.push(resolve);
      setTimeout(resolve, EXIT_WAIT_MS);
      self.idle();
    });
  };

  XapiAdapter.prototype.settle = function (ok) {
    if (ok === !this.commitFailed) return;
    this.commitFailed = !ok;
    this.onCommitState(ok);
  };

  // Every request after start is a keepalive fetch, so a batch in flight survives the page closing (an XHR
  // would be aborted on unload). Keepalive bodies share 64 KB, so a larger body goes as a plain fetch. A
  // rejected request is never sent again here: on a closing page the rejection may come after the request
  // left, and a second copy would say "terminated" twice; the batch goes back to the queue instead.
  XapiAdapter.prototype.send = function (method, url, body) {
    var text = JSON.stringify(body);
    var init = { method: method, body: text, keepalive: utf8Length(text) <= KEEPALIVE_MAX_BYTES, headers: {
      "X-Experience-API-Version": XAPI_VERSION, "Content-Type": "application/json", Authorization: "Basic " + this.token } };
    var self = this;
    var fail = function (err) {
      self.errors.push({ element: url, value: method, code: String(err && err.message) });
      return false;
    };
    try {
      return self.fetch(url, init).then(function (r) { return r.ok; }, fail);
    } catch (err) {
      return Promise.resolve(fail(err));
    }
  };

  /** "terminated" is the last statement of the session (cmi5 9.3.8); sent once, with what is still queued. */
  XapiAdapter.prototype.terminate = function () {
    if (this.terminated || !this.maker) return;
    this.enqueue(this.maker.defined("terminated", this.now() - this.started));
    this.terminated = true;
    this.putProgress();
    // A batch may still be in flight: every statement carries its timestamp, so the LRS keeps the order.
    this.sending = false;
    this.flush();
  };

  var api = { XapiAdapter: XapiAdapter };
  if (node) module.exports = api;
  if (root) {
    root.Zhineng = root.Zhineng || {};
    root.Zhineng.XapiAdapter = XapiAdapter;
  }
})(typeof window !== "undefined" ? window : null);
