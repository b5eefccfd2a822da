/* The cmi5 launch parameters (cmi5 section 8.1): an AU is launched with endpoint, fetch, actor, registration
 * and activityId in its query string. Without all five the page is not a cmi5 launch (SCORM or standalone). */
// needs:
(function (Z) {
  "use strict";

  var NAMES = ["endpoint", "fetch", "actor", "registration", "activityId"];

  function cmi5Launch(search) {
    var params = {};
    (search || "").replace(/^\?/, "").split("&").forEach(function (pair) {
      if (!pair) return;
      var at = pair.indexOf("=");
      var key = decodeURIComponent((at < 0 ? pair : pair.slice(0, at)).replace(/\+/g, " "));
      params[key] = at < 0 ? "" : decodeURIComponent(pair.slice(at + 1).replace(/\+/g, " "));
    });
    if (!NAMES.every(function (n) { return params[n]; })) return null;
    var actor;
    try {
      actor = JSON.parse(params.actor);
    } catch (err) {
      return null; // a launch we cannot name the learner in would send statements about nobody
    }
    return {
      endpoint: params.endpoint.replace(/\/?$/, "/"),
      fetch: params.fetch,
      actor: actor,
      registration: params.registration,
      activityId: params.activityId,
    };
  }

  Z.cmi5Launch = cmi5Launch;
})(Zhineng);
