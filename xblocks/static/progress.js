/* The progress block: re-read the standing when another block reports a change, or on request. */
/* exported ZhinengProgressBlock */ // the XBlock runtime calls it by name
function ZhinengProgressBlock(runtime, element, wrapped) {
  "use strict";
  var C = window.ZhinengCommon;
  var init = C.initArgs(wrapped);
  var root = C.root(element);
  var t = init.strings;
  var status = root.querySelector(".zhineng-status");
  var url = runtime.handlerUrl(root, "refresh");

  function refresh() {
    C.postJson(url, {}).then(function (res) {
      if (!res.ok) { return; }
      Array.prototype.forEach.call(root.querySelectorAll(".zhineng-state"), function (node) {
        var table = res.data[node.getAttribute("data-kind")] || {};
        var value = table[node.getAttribute("data-id")];
        if (!value) { return; }
        node.className = "zhineng-state zhineng-" + value;
        node.setAttribute("data-status", value);
        node.textContent = t[value] || value;
      });
      // An indicator's levels (the instructor's, or the learner's own marked as such) beside its state.
      Array.prototype.forEach.call(root.querySelectorAll(".zhineng-note"), function (node) {
        var note = (res.data.notes || {})[node.getAttribute("data-id")];
        if (typeof note === "string") { node.textContent = note; }
      });
      C.say(status, t.updated, false);
    });
  }

  root.querySelector(".zhineng-refresh").addEventListener("click", refresh);
  document.addEventListener("zhineng:progress-changed", refresh);
}
