/* Shared helpers for the zhineng blocks and the question types' block halves (xblocks/qtypes/): JSON posts with
 * Django's CSRF token, and DOM lookups. */
window.ZhinengCommon = window.ZhinengCommon || (function () {
  "use strict";

  function root(element) {
    // The LMS may hand a jQuery object, the workbench a DOM node.
    return element && element.jquery ? element[0] : element;
  }

  function cookie(name) {
    var parts = document.cookie ? document.cookie.split(";") : [];
    for (var i = 0; i < parts.length; i++) {
      var kv = parts[i].trim().split("=");
      if (kv[0] === name) { return decodeURIComponent(kv.slice(1).join("=")); }
    }
    return "";
  }

  function postJson(url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": cookie("csrftoken") },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        var data;
        try { data = text ? JSON.parse(text) : {}; } catch (e) { data = { error: text.slice(0, 200) }; }
        return { ok: response.ok, status: response.status, data: data };
      });
    });
  }

  function say(node, text, isError) {
    node.textContent = text;
    node.classList.toggle("zhineng-error", !!isError);
  }

  function initArgs(wrapped) {
    // The server sends the block's arguments as one JSON string with <, > and & escaped (render.py says why).
    return JSON.parse(wrapped.json);
  }

  function progressChanged() {
    document.dispatchEvent(new CustomEvent("zhineng:progress-changed"));
  }

  function all(node, selector) {
    return Array.prototype.slice.call(node.querySelectorAll(selector));
  }

  function find(node, tag, attribute, value) {
    // Ids are authored text: escaped, so no id can break out of the selector.
    return node.querySelector(tag + "[" + attribute + "=\"" + CSS.escape(String(value)) + "\"]");
  }

  function labelText(node, control) {
    var label = control && control.id && find(node, "label", "for", control.id);
    return label ? label.textContent : "";
  }

  function typed(input) {
    // A blank box is no answer: the quiz asks for it before sending anything.
    return input.value.trim() ? input.value : undefined;
  }

  // A part's mark (an ordering item, a matching pair): an icon for the eye and words for a screen reader, so
  // right and wrong are never told by colour alone.
  function partMark(el, right, words) {
    unmark(el);
    el.classList.add(right ? "zhineng-part-right" : "zhineng-part-wrong");
    var mark = document.createElement("span");
    mark.className = "zhineng-mark";
    mark.setAttribute("data-mark", right ? "right" : "wrong");
    var icon = document.createElement("span");
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = right ? "✓" : "✗";
    var text = document.createElement("span");
    text.className = "zhineng-hidden-text";
    text.textContent = words;
    mark.appendChild(icon);
    mark.appendChild(text);
    el.appendChild(mark);
  }

  function unmark(el) {
    el.classList.remove("zhineng-part-right", "zhineng-part-wrong");
    var old = el.querySelector(".zhineng-mark");
    if (old) { old.parentNode.removeChild(old); }
  }

  return {
    root: root, postJson: postJson, say: say, initArgs: initArgs, progressChanged: progressChanged,
    all: all, find: find, labelText: labelText, typed: typed, partMark: partMark, unmark: unmark
  };
}());
