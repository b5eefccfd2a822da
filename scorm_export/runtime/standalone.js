/* A stand-in for the LMS API when none is found (a package opened from disk or a plain web server).
 * It answers both versions' calls and keeps the CMI values in localStorage on every Commit, so the
 * adapter and the player run unchanged and a reload resumes. */
// needs:
(function (Z) {
  "use strict";

  var COUNT = /^(.*)\._count$/;

  function LocalApi(key, storage) {
    this.key = key;
    this.storage = storage;
    this.values = {};
    try {
      this.values = JSON.parse((storage && storage.getItem(key)) || "{}") || {};
    } catch (err) {
      this.values = {};
    }
    var entry = this.values["cmi.suspend_data"] ? "resume" : "ab-initio";
    this.values["cmi.entry"] = entry;
    this.values["cmi.core.entry"] = entry;
  }

  LocalApi.prototype.Initialize = function () { return "true"; };
  LocalApi.prototype.GetLastError = function () { return "0"; };

  LocalApi.prototype.GetValue = function (element) {
    var m = COUNT.exec(element);
    if (m) {
      var seen = {};
      var prefix = m[1] + ".";
      Object.keys(this.values).forEach(function (k) {
        if (k.indexOf(prefix) === 0) seen[k.slice(prefix.length).split(".")[0]] = true;
      });
      return String(Object.keys(seen).length);
    }
    return this.values[element] === undefined ? "" : String(this.values[element]);
  };

  LocalApi.prototype.SetValue = function (element, value) {
    // Interactions are the LMS's journal; the learner's own browser has no use for them.
    if (element.indexOf("cmi.interactions.") !== 0) this.values[element] = String(value);
    return "true";
  };

  LocalApi.prototype.Commit = function () {
    try {
      if (this.storage) this.storage.setItem(this.key, JSON.stringify(this.values));
      return "true";
    } catch (err) {
      return "false"; // storage full or blocked: the adapter warns the learner
    }
  };

  LocalApi.prototype.Terminate = function () { return this.Commit(); };

  // The 1.2 names are the same calls.
  LocalApi.prototype.LMSInitialize = LocalApi.prototype.Initialize;
  LocalApi.prototype.LMSGetValue = LocalApi.prototype.GetValue;
  LocalApi.prototype.LMSSetValue = LocalApi.prototype.SetValue;
  LocalApi.prototype.LMSCommit = LocalApi.prototype.Commit;
  LocalApi.prototype.LMSFinish = LocalApi.prototype.Terminate;
  LocalApi.prototype.LMSGetLastError = LocalApi.prototype.GetLastError;

  Z.LocalApi = LocalApi;
})(Zhineng);
