/* Studio editor for every zhineng block, as Studio's own editors behave: Save sends the form as typed JSON to
   `studio_submit` and tells the runtime ("save" start/end, or "error"); Cancel closes the editor unchanged. */
/* exported ZhinengStudio */ // the XBlock runtime calls it by name
function ZhinengStudio(runtime, element, wrapped) {
  "use strict";
  var C = window.ZhinengCommon;
  var init = C.initArgs(wrapped);
  var root = C.root(element);
  var t = init.strings;
  var status = root.querySelector(".zhineng-status");
  var url = runtime.handlerUrl(root, "studio_submit");

  function valueOf(field) {
    var type = field.getAttribute("data-type");
    if (type === "bool") { return field.checked; }
    if (type === "int" || type === "number") {
      var n = Number(field.value);
      // Send what was typed when it is not a number, so the server answers with a clear 400.
      return field.value.trim() === "" || isNaN(n) ? field.value : n;
    }
    return field.value;
  }

  root.querySelector(".cancel-button").addEventListener("click", function () {
    if (runtime.notify) { runtime.notify("cancel", {}); }
  });

  root.querySelector(".zhineng-studio-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var body = {};
    Array.prototype.forEach.call(root.querySelectorAll("[name][data-type]"), function (field) {
      body[field.name] = valueOf(field);
    });
    if (runtime.notify) { runtime.notify("save", { state: "start" }); }
    C.postJson(url, body).then(function (res) {
      if (!res.ok) {
        C.say(status, t.error + ": " + (res.data.error || res.status), true);
        if (runtime.notify) { runtime.notify("error", { title: t.error, message: res.data.error || "" }); }
        return;
      }
      C.say(status, t.saved, false);
      if (runtime.notify) { runtime.notify("save", { state: "end" }); }
    });
  });
}
