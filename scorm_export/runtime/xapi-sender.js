/* The statements of a cmi5 session on their way to the LRS: a queue sent in order, one batch in flight,
 * retried after 0.3 s and 1.2 s, then the learner is warned and the next commit tries again. Answers ("keep"
 * entries) are mirrored in the outbox until the LRS accepts them. Every request is a keepalive fetch, so a
 * batch in flight survives the page closing (an XHR would be aborted on unload). */
// needs:
(function (Z) {
  "use strict";

  var XAPI_VERSION = "1.0.3";
  var RETRY_DELAYS_MS = [300, 1200];
  var KEEPALIVE_MAX_BYTES = 60000; // under the 64 KB all of a page's keepalive requests share
  var SETTLE_WAIT_MS = 8000; // settled() resolves by then whatever the network does

  function utf8Length(text) {
    return new TextEncoder().encode(text).length;
  }

  /**
   * options.url: the statements resource; options.token: the cmi5 auth token; options.fetch(url, init);
   * options.outbox: an Outbox; options.onAccepted(entries): the LRS answered 2xx to these;
   * options.onCommitState(ok): the player's warning hook; options.errors: where failed requests are listed.
   */
  function StatementSender(options) {
    this.url = options.url;
    this.token = options.token;
    this.fetch = options.fetch;
    this.outbox = options.outbox;
    this.onAccepted = options.onAccepted;
    this.onCommitState = options.onCommitState;
    this.queue = []; // entries {statement, key, keep}: key = what it says once, keep = an answer for the outbox
    this.inFlight = [];
    this.sending = false;
    this.gaveUp = false;
    this.commitFailed = false;
    this.retries = 0;
    this.waiters = [];
    this.errors = options.errors || [];
  }

  StatementSender.prototype.enqueue = function (entry) {
    this.queue.push(entry);
    if (entry.keep) this.saveOutbox();
  };

  StatementSender.prototype.saveOutbox = function () {
    var kept = [];
    this.inFlight.concat([this.queue]).forEach(function (entries) {
      entries.forEach(function (e) { if (e.keep) kept.push(e.statement); });
    });
    this.outbox.save(kept);
  };

  StatementSender.prototype.flush = function () {
    if (this.sending || !this.queue.length) return this.idle();
    var batch = this.queue.splice(0, this.queue.length);
    var self = this;
    this.sending = true;
    this.gaveUp = false;
    this.inFlight.push(batch);
    var statements = batch.map(function (e) { return e.statement; });
    this.request("POST", this.url, statements).then(function (ok) {
      self.inFlight.splice(self.inFlight.indexOf(batch), 1);
      self.sending = false;
      if (ok) {
        if (batch.some(function (e) { return e.keep; })) self.saveOutbox();
        self.onAccepted(batch);
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

  /** The last batch of a closing page: sent now, even beside a batch still in flight. Each statement carries
   * its timestamp, so the LRS keeps the order (cmi5 9.3), and an LMS records a statement still in flight when
   * "terminated" came for a while after it (9.3.8). */
  StatementSender.prototype.flushNow = function () {
    this.sending = false;
    this.flush();
  };

  StatementSender.prototype.settle = function (ok) {
    if (ok === !this.commitFailed) return;
    this.commitFailed = !ok;
    this.onCommitState(ok);
  };

  StatementSender.prototype.idle = function () {
    if (this.inFlight.length || (this.queue.length && !this.gaveUp)) return;
    this.waiters.splice(0, this.waiters.length).forEach(function (resolve) { resolve(); });
  };

  /** Resolves when nothing is in flight and the queue is sent (or given up on), or after SETTLE_WAIT_MS. */
  StatementSender.prototype.settled = function () {
    var self = this;
    return new Promise(function (resolve) {
      self.waiters.push(resolve);
      setTimeout(resolve, SETTLE_WAIT_MS);
      self.idle();
    });
  };

  // Keepalive bodies share 64 KB, so a larger body goes as a plain fetch. A rejected request is never sent
  // again here: on a closing page the rejection may come after the request left, and a second copy would say
  // "terminated" twice; the batch goes back to the queue instead.
  StatementSender.prototype.request = function (method, url, body) {
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

  Z.StatementSender = StatementSender;
  Z.XAPI_VERSION = XAPI_VERSION;
})(Zhineng);
