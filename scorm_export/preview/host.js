// Preview host: a real SCORM API (scorm-again) for the SCO in the frame, the live CMI beside it, and the
// committed CMI kept in localStorage so that a reload (or "Relaunch") resumes like an LMS would.
(function () {
  "use strict";
  var cfg = window.ZHINENG_PREVIEW;
  var is12 = cfg.version === "scorm12";
  var params = new URLSearchParams(window.location.search);
  var sco = cfg.scos.filter(function (s) { return s.id === params.get("sco"); })[0] || cfg.scos[0];
  var key = "zhineng-preview:" + cfg.package + ":" + sco.id;
  var $ = function (id) { return document.getElementById(id); };

  // Start from the last committed CMI, as an LMS does on relaunch.
  var saved = null;
  try { saved = JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { saved = null; }
  var cmi = saved || {};
  if (is12) {
    cmi.core = cmi.core || {};
    cmi.core.student_id = "preview";
    cmi.core.student_name = "Preview, Learner";
    cmi.core.entry = saved && cmi.core.exit === "suspend" ? "resume" : "ab-initio";
  } else {
    cmi.learner_id = "preview";
    cmi.learner_name = "Preview, Learner";
    cmi.entry = saved && cmi.exit === "suspend" ? "resume" : "ab-initio";
  }

  var api = is12 ? new window.Scorm12API({ logLevel: 4 }) : new window.Scorm2004API({ logLevel: 4 });
  api.loadFromJSON(cmi);
  if (is12) { window.API = api; } else { window.API_1484_11 = api; }

  var names = is12
    ? { init: "LMSInitialize", set: "LMSSetValue.cmi.*", commit: "LMSCommit", end: "LMSFinish", err: "LMSGetLastError" }
    : { init: "Initialize", set: "SetValue.cmi.*", commit: "Commit", end: "Terminate", err: "GetLastError" };

  function snapshot() { return JSON.parse(JSON.stringify(api.cmi)); }
  function show(what) {
    $("cmi").textContent = JSON.stringify(snapshot(), null, 2);
    $("status").textContent = what + " · error " + api[names.err]();
  }
  function save(what) {
    window.localStorage.setItem(key, JSON.stringify(snapshot()));
    show(what + " (saved)");
  }
  api.on(names.init, function () { show(names.init); });
  api.on(names.set, function (element) { show(element); });
  api.on(names.commit, function () { save(names.commit); });
  api.on(names.end, function () { save(names.end); });

  $("version").textContent = cfg.version + " · " + cfg.package + (saved ? " · resumed" : "");
  cfg.scos.forEach(function (s) {
    var option = document.createElement("option");
    option.value = s.id;
    option.textContent = s.id + " " + s.title;
    option.selected = s.id === sco.id;
    $("sco").appendChild(option);
  });
  $("sco").addEventListener("change", function () {
    window.location.search = "?sco=" + encodeURIComponent($("sco").value);
  });
  $("reload").addEventListener("click", function () { window.location.reload(); });
  $("reset").addEventListener("click", function () {
    window.localStorage.removeItem(key);
    window.location.reload();
  });
  show("ready");
  $("frame").src = sco.href;
})();
