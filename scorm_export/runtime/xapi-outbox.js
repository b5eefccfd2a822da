/* Answers the LRS has not accepted yet, kept in this browser's localStorage per registration and AU.
 * A refused or failed batch must not lose evidence: the next launch of the same registration restates these
 * statements in its own session. localStorage is written synchronously, so it survives the page closing while
 * a batch is still in flight; the State API could not promise that. */
// needs:
(function (Z) {
  "use strict";

  var PREFIX = "zhineng:cmi5-outbox:";

  /** storage: window.localStorage or null (then nothing is kept); launch: cmi5Launch(). */
  function Outbox(storage, launch) {
    this.storage = storage;
    this.key = PREFIX + launch.registration + ":" + launch.activityId;
  }

  Outbox.prototype.load = function () {
    try {
      var list = JSON.parse((this.storage && this.storage.getItem(this.key)) || "[]");
      return Array.isArray(list) ? list : [];
    } catch (err) {
      return []; // unreadable (another script wrote it): nothing to restate
    }
  };

  Outbox.prototype.save = function (statements) {
    if (!this.storage) return;
    try {
      if (statements.length) this.storage.setItem(this.key, JSON.stringify(statements));
      else this.storage.removeItem(this.key);
    } catch (err) {
      // Full or forbidden storage: the statements are still queued for this session.
    }
  };

  Z.Outbox = Outbox;
})(Zhineng);
