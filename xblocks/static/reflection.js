/* The reflection block: a live character count, a client-side hint, and the server's word on validity. */
/* exported ZhinengReflectionBlock */ // the XBlock runtime calls it by name
function ZhinengReflectionBlock(runtime, element, wrapped) {
  "use strict";
  var C = window.ZhinengCommon;
  var init = C.initArgs(wrapped);
  var root = C.root(element);
  var t = init.strings;
  var text = root.querySelector(".zhineng-reflection-text");
  var count = root.querySelector(".zhineng-count-n");
  var status = root.querySelector(".zhineng-status");
  var url = runtime.handlerUrl(root, "submit");

  text.addEventListener("input", function () { count.textContent = text.value.length; });

  root.querySelector(".zhineng-reflection-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var picked = root.querySelector("input[type=radio]:checked");
    var length = text.value.trim().length;
    if (length < init.min_length) {
      C.say(status, t.too_short.replace("{n}", length).replace("{min}", init.min_length), true);
      text.focus();
      return;
    }
    if (!picked) {
      C.say(status, t.pick_rating, true);
      root.querySelector("input[type=radio]").focus();
      return;
    }
    C.postJson(url, { text: text.value, rating: parseInt(picked.value, 10) }).then(function (res) {
      if (!res.ok) {
        C.say(status, t.error + ": " + (res.data.error || res.status), true);
        return;
      }
      C.say(status, t.saved, false);
      C.progressChanged();
    });
  });
}
