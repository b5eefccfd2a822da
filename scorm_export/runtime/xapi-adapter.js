/* The player's adapter for a cmi5 launch: the same interface as adapter.js (start, saveProgress,
 * recordInteraction, reportObjective, reportCourse, commit, terminate), spoken as xAPI to the LMS's LRS.
 *
 * Launch (cmi5 section 8): POST the fetch URL once for the auth token, GET the LMS.LaunchData state
 * (contextTemplate, launchMode, masteryScore, moveOn), then send "initialized". The player starts
 * synchronously, so these few start-up requests are synchronous; statements afterwards go out in order,
 * one batch at a time, as keepalive fetches that survive the page closing. */
(function (root) {
  "use strict";

  var node = typeof module !== "undefined" && module.exports;
  var Z = node ? Object.assign({}, require("./xapi-statements.js")) : root.Zhineng;
  var XAPI_VERSION = "1.0.3";
  var PROGRESS_STATE = "zhineng.progress"; // our own state document: the bookmark and the suspend_data
  var RETRY_DELAYS_MS = [300, 1200];

  function randomBytes(n) {
    var b = new Uint8Array(n);
    root.crypto.getRandomValues(b);
    return b;
  }

  /** launch: cmi5Launch(location.search); options.onCommitState(ok); for tests: options.now(), options.xhr(),
   * options.fetch(url, init), options.random(n). */
  function XapiAdapter(launch, payload, options) {
    options = options || {};
    this.launch = launch;
    this.payload = payload;
    this.onCommitState = options.onCommitState || function () {};
    this.now = options.now || function () { return Date.now(); };
    this.xhr = options.xhr || function () { return new root.XMLHttpRequest(); };
    this.fetch = options.fetch || function (url, init) { return root.fetch(url, init); };
    this.random = options.random || randomBytes;
    this.token = null;
    this.queue = [];
    this.sending = false;
    this.sent = {}; // what was said once for this registration (completed, passed, ...), kept in our state
    this.progress = null;
    this.savedProgress = null;
    this.terminated = false;
    this.commitFailed = false;
    this.retries = 0;
    this.errors = [];
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

  XapiAdapter.prototype.stateUrl = function (stateId) {
    var l = this.launch;
    return l.endpoint + "activities/state?stateId=" + encodeURIComponent(stateId) +
      "&activityId=" + encodeURIComponent(l.activityId) + "&agent=" + encodeURIComponent(JSON.stringify(l.actor)) +
      "&registration=" + encodeURIComponent(l.registration);
  };

  XapiAdapter.prototype.getState = function (stateId) {
    var x = this.request("GET", this.stateUrl(stateId));
    if (x.status === 404) return null;
    if (x.status < 200 || x.status >= 300) throw new Error("state " + stateId + ": HTTP " + x.status);
    return JSON.parse(x.responseText);
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
    this.maker = new Z.StatementMaker(this.launch, d, this.payload, { random: this.random, now: this.now });
    this.enqueue(this.maker.defined("initialized"));
    var saved = this.savedProgress;
    this.sent = saved.sent || {};
    return {
      ok: true,
      entry: saved.suspendData ? "resume" : "ab-initio",
      suspendData: saved.suspendData || "",
      location: saved.location || "",
    };
  };

  XapiAdapter.prototype.enqueue = function (statement) {
    if (!this.terminated) this.queue.push(statement);
  };

  XapiAdapter.prototype.saveProgress = function (location, suspendData) {
    // Review mode shows a finished attempt: nothing the learner does then is kept.
    if (this.launchMode !== "Review") this.progress = { location: location, suspendData: suspendData, sent: this.sent };
  };

  XapiAdapter.prototype.recordInteraction = function (item) {
    if (this.launchMode === "Review") return;
    this.enqueue(item.question ? this.maker.answered(item) : this.maker.reflected(item));
  };

  // K and A status reach the LRS through the answered statements (the report grades them with the mastery
  // rule); an activity says "completed" once, when it is done, naming the activity by its CASE IRI.
  XapiAdapter.prototype.reportObjective = function (kind, id, status) {
    if (kind !== "activity" || status !== "completed" || this.launchMode === "Review") return;
    if (this.sent["activity " + id]) return;
    this.sent["activity " + id] = true;
    this.enqueue(this.maker.activityCompleted(id));
  };

  /** completed once the module is done, then passed or failed by LaunchData's masteryScore (cmi5 9.5.2). */
  XapiAdapter.prototype.reportCourse = function (status, score) {
    if (this.launchMode !== "Normal") return; // Browse and Review never complete, pass or fail (cmi5 10.2.2)
    if (status !== "passed" && status !== "failed" && status !== "completed") return;
    var ms = this.now() - this.started;
    if (!this.sent.completed) {
      this.sent.completed = true;
      this.enqueue(this.maker.defined("completed", ms));
    }
    if (status === "completed" || this.sent.passed) return;
    var ok = this.masteryScore === null ? status === "passed" : score.scaled + 1e-9 >= this.masteryScore;
    var verb = ok ? "passed" : "failed";
    if (this.sent[verb]) return; // once per registration; a failed attempt may still pass later (cmi5 9.3.4-5)
    this.sent[verb] = true;
    this.enqueue(this.maker.defined(verb, ms, score));
  };

  /** Send what is queued (in order, one batch in flight) and the progress state; never blocks. */
  XapiAdapter.prototype.commit = function () {
    if (this.terminated) return false;
    this.putProgress();
    this.flush();
    return !this.commitFailed;
  };

  XapiAdapter.prototype.putProgress = function () {
    if (!this.progress || JSON.stringify(this.progress) === JSON.stringify(this.savedProgress)) return;
    var doc = JSON.parse(JSON.stringify(this.progress)); // a snapshot: `sent` keeps changing
    var self = this;
    this.send("PUT", this.stateUrl(PROGRESS_STATE), doc).then(function (ok) {
      if (ok) self.savedProgress = doc;
    });
  };

  XapiAdapter.prototype.flush = function () {
    if (this.sending || !this.queue.length) return;
    var batch = this.queue.splice(0, this.queue.length);
    var self = this;
    this.sending = true;
    this.send("POST", this.launch.endpoint + "statements", batch).then(function (ok) {
      self.sending = false;
      if (ok) {
        self.retries = 0;
        self.settle(true);
        self.flush();
        return;
      }
      self.queue = batch.concat(self.queue);
      if (self.retries < RETRY_DELAYS_MS.length) {
        setTimeout(function () { self.flush(); }, RETRY_DELAYS_MS[self.retries++]);
      } else {
        self.settle(false); // the learner sees the warning; the next commit tries again
        self.retries = 0;
      }
    });
  };

  XapiAdapter.prototype.settle = function (ok) {
    if (ok === !this.commitFailed) return;
    this.commitFailed = !ok;
    this.onCommitState(ok);
  };

  // Every request after start is a keepalive fetch, so a batch in flight survives the page closing
  // (an XHR would be aborted on unload). Keepalive bodies share 64 KB; past that, a plain fetch.
  XapiAdapter.prototype.send = function (method, url, body) {
    var init = { method: method, body: JSON.stringify(body), keepalive: true, headers: {
      "X-Experience-API-Version": XAPI_VERSION, "Content-Type": "application/json", Authorization: "Basic " + this.token } };
    var self = this;
    var answer = function (r) { return r.ok; };
    var fail = function (err) {
      self.errors.push({ element: url, value: method, code: String(err && err.message) });
      return false;
    };
    try {
      return self.fetch(url, init).then(answer, function () {
        init.keepalive = false;
        return self.fetch(url, init).then(answer, fail);
      });
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
