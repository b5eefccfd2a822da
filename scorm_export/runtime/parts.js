/* The runtime's later parts: scripts beside the launch script (shared/), each loaded once, by a <script> element,
 * the first time a page needs one of its modules. A plain script element, not fetch and eval: it works from
 * file://, offline and in every LMS frame. The launch script names the part of each such module (Zhineng.PARTS,
 * written by scorm_export/assemble.py); a module the launch script holds needs no loading. */
// needs:
(function (Z, root) {
  "use strict";

  var doc = root.document;
  // The launch script's own address: the parts sit beside it.
  var folder = doc && doc.currentScript ? doc.currentScript.src.replace(/[^/]*$/, "") : "";
  var loaded = {}; // part file -> true once it ran
  var waiting = {}; // part file -> callbacks, while its script loads

  function arrived(file, ok) {
    if (ok) loaded[file] = true;
    var callbacks = waiting[file];
    delete waiting[file]; // after a failure the next need tries again
    callbacks.forEach(function (cb) { cb(ok); });
  }

  /** Calls then(true) once every named module has run (at once when they all have), then(false) when a part's
   *  script could not be loaded. */
  function need(modules, then) {
    var parts = Z.PARTS || {};
    var files = [];
    modules.forEach(function (m) {
      var file = parts[m];
      if (file && !loaded[file] && files.indexOf(file) < 0) files.push(file);
    });
    if (!files.length) {
      then(true);
      return;
    }
    var left = files.length;
    var ok = true;
    files.forEach(function (file) {
      var first = !waiting[file];
      (waiting[file] = waiting[file] || []).push(function (done) {
        ok = ok && done;
        if (--left === 0) then(ok);
      });
      if (!first) return;
      var script = doc.createElement("script");
      script.src = folder + file;
      script.onload = function () { arrived(file, true); };
      script.onerror = function () { arrived(file, false); };
      doc.head.appendChild(script);
    });
  }

  Z.need = need;
})(Zhineng, window);
