/* Everything that differs between SCORM 1.2 and SCORM 2004, in one table.
 * adapter.js reads only this table, so a difference between the versions lives in exactly one place. */
// needs:
(function (Z) {
  "use strict";

  function pad(n, w) {
    var s = String(n);
    while (s.length < w) s = "0" + s;
    return s;
  }

  function centiseconds(ms) {
    return Math.max(0, Math.round(ms / 10));
  }

  // 1.2 CMITimespan, HHHH:MM:SS.SS (hours capped at 9999).
  function timespan12(ms) {
    var cs = Math.min(centiseconds(ms), 9999 * 360000 + 359999);
    var h = Math.floor(cs / 360000);
    var m = Math.floor((cs % 360000) / 6000);
    var s = Math.floor((cs % 6000) / 100);
    return pad(h, 4) + ":" + pad(m, 2) + ":" + pad(s, 2) + "." + pad(cs % 100, 2);
  }

  // 1.2 CMITime, the learner's clock time HH:MM:SS.
  function clock12(date) {
    return pad(date.getHours(), 2) + ":" + pad(date.getMinutes(), 2) + ":" + pad(date.getSeconds(), 2);
  }

  // 2004 ISO 8601 duration, e.g. PT1H2M3.4S (seconds to centiseconds).
  function duration2004(ms) {
    var cs = centiseconds(ms);
    var h = Math.floor(cs / 360000);
    var m = Math.floor((cs % 360000) / 6000);
    var s = (cs % 6000) / 100;
    var out = "PT";
    if (h) out += h + "H";
    if (m) out += m + "M";
    return out + String(Number(s.toFixed(2))) + "S";
  }

  // 2004 ISO 8601 timestamp in UTC, e.g. 2026-11-24T07:30:00.1Z (deciseconds are plenty).
  function timestamp2004(date) {
    return date.getUTCFullYear() + "-" + pad(date.getUTCMonth() + 1, 2) + "-" + pad(date.getUTCDate(), 2) +
      "T" + pad(date.getUTCHours(), 2) + ":" + pad(date.getUTCMinutes(), 2) + ":" + pad(date.getUTCSeconds(), 2) +
      "." + Math.floor(date.getUTCMilliseconds() / 100) + "Z";
  }

  // Our statuses -> each version's words. 1.2 has one status; 2004 splits completion and success.
  var STATUS = {
    passed: { scorm12: "passed", scorm2004: ["completed", "passed"] },
    failed: { scorm12: "failed", scorm2004: ["completed", "failed"] },
    completed: { scorm12: "completed", scorm2004: ["completed", "unknown"] },
    incomplete: { scorm12: "incomplete", scorm2004: ["incomplete", "unknown"] },
    // Every question answered but the module not finished: 2004 can already say passed/failed, 1.2 cannot.
    incomplete_passed: { scorm12: "incomplete", scorm2004: ["incomplete", "passed"] },
    incomplete_failed: { scorm12: "incomplete", scorm2004: ["incomplete", "failed"] },
    not_attempted: { scorm12: "not attempted", scorm2004: ["not attempted", "unknown"] },
  };

  var VERSIONS = {
    scorm12: {
      apiName: "API",
      maxParents: 7, // the ADL 1.2 sample's limit
      calls: {
        init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit",
        finish: "LMSFinish", error: "LMSGetLastError",
      },
      el: {
        location: "cmi.core.lesson_location",
        suspend: "cmi.suspend_data",
        sessionTime: "cmi.core.session_time",
        exit: "cmi.core.exit",
        entry: "cmi.core.entry",
        lessonStatus: "cmi.core.lesson_status",
        completion: null,
        success: null,
        score: "cmi.core.score",
        scaled: false,
        objectiveStatus: "status",
        objectiveDescription: false,
        learnerResponse: "student_response",
        when: "time",
      },
      exit: { suspend: "suspend", done: "" },
      readsNeedResume: false, // unset elements read as "" without an error
      sessionTime: timespan12,
      latency: timespan12,
      when: clock12,
      types: {
        // A question's interaction type is its type module's (qtype-*.js), the same in both versions.
        reflection: "fill-in",
        // 1.2 has no long-fill-in: a deliverable lives in suspend_data (TASKS_SPEC section 5), not in interactions.
        deliverable: null, self_rating: "likert",
      },
      result: { correct: "correct", wrong: "wrong", neutral: "neutral" },
      list: ",",
      pair: ".",
      bool: { "true": "t", "false": "f" },
      numericRange: false, // 1.2 has no range syntax: the answer itself is the pattern
      textMax: { "fill-in": 255 },
      patternsMax: 1,
    },
    scorm2004: {
      apiName: "API_1484_11",
      maxParents: 500, // the ADL 2004 sample's limit
      calls: {
        init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit",
        finish: "Terminate", error: "GetLastError",
      },
      el: {
        location: "cmi.location",
        suspend: "cmi.suspend_data",
        sessionTime: "cmi.session_time",
        exit: "cmi.exit",
        entry: "cmi.entry",
        lessonStatus: null,
        completion: "cmi.completion_status",
        success: "cmi.success_status",
        score: "cmi.score",
        scaled: true,
        objectiveStatus: null,
        objectiveDescription: true,
        learnerResponse: "learner_response",
        when: "timestamp",
      },
      exit: { suspend: "suspend", done: "normal" },
      readsNeedResume: true, // unset elements raise 403, so read saved data only when entry is "resume"
      sessionTime: duration2004,
      latency: duration2004,
      when: timestamp2004,
      types: {
        reflection: "long-fill-in",
        deliverable: "long-fill-in", self_rating: "likert",
      },
      result: { correct: "correct", wrong: "incorrect", neutral: "neutral" },
      list: "[,]",
      pair: "[.]",
      bool: { "true": "true", "false": "false" },
      numericRange: true,
      textMax: { "fill-in": 250, "long-fill-in": 4000 },
      patternsMax: 5, // the 2004 smallest permitted maximum of fill-in correct responses
    },
  };

  Object.assign(Z, {
    SCORM_VERSIONS: VERSIONS,
    SCORM_STATUS: STATUS,
    timespan12: timespan12,
    clock12: clock12,
    duration2004: duration2004,
    timestamp2004: timestamp2004,
  });
})(Zhineng);
