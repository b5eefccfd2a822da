/* A tiny element builder, so the views read as structure rather than as DOM calls. */
// needs:
(function (Z) {
  "use strict";

  /** h("button", {type: "button", "data-action": "submit", onclick: fn}, ["text", child]) */
  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name.slice(0, 2) === "on") el.addEventListener(name.slice(2), value);
      else if (name === "html") el.innerHTML = value; // only ever sanitised HTML from the payload
      else if (name === "text") el.textContent = value;
      else el.setAttribute(name, value === true ? "" : String(value));
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return el;
  }

  var counter = 0;
  function uid(prefix) {
    counter += 1;
    return prefix + "-" + counter;
  }

  Z.h = h;
  Z.uid = uid;
})(Zhineng);
