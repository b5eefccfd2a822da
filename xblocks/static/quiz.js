/* The quiz block: collect one response per question, post them, show score, feedback and (by policy) the key. */
/* exported ZhinengQuizBlock */ // the XBlock runtime calls it by name
function ZhinengQuizBlock(runtime, element, wrapped) {
  "use strict";
  var C = window.ZhinengCommon;
  var init = C.initArgs(wrapped);
  var root = C.root(element);
  var t = init.strings;
  var form = root.querySelector(".zhineng-quiz-form");
  var status = root.querySelector(".zhineng-status");
  var button = root.querySelector(".zhineng-submit");
  var url = runtime.handlerUrl(root, "submit");

  function fieldsets() { return Array.prototype.slice.call(root.querySelectorAll(".zhineng-question")); }

  // Ordering: move an item with its up/down buttons; focus follows the item so keyboard users keep their place.
  Array.prototype.forEach.call(root.querySelectorAll(".zhineng-order"), function (list) {
    list.addEventListener("click", function (ev) {
      var btn = ev.target.closest("button");
      if (!btn) { return; }
      var li = btn.closest("li");
      if (btn.classList.contains("zhineng-up") && li.previousElementSibling) {
        list.insertBefore(li, li.previousElementSibling);
      } else if (btn.classList.contains("zhineng-down") && li.nextElementSibling) {
        list.insertBefore(li.nextElementSibling, li);
      }
      btn.focus();
      var position = Array.prototype.indexOf.call(list.children, li) + 1;
      list.parentNode.querySelector(".zhineng-sr").textContent =
        li.querySelector(".zhineng-item-text").textContent + ": " + t.moved.replace("{n}", position);
    });
  });

  function responseOf(fs) {
    var type = fs.getAttribute("data-type");
    var checked = Array.prototype.map.call(fs.querySelectorAll("input:checked"), function (i) { return i.value; });
    if (type === "single_choice") { return checked.length ? checked[0] : undefined; }
    if (type === "multiple_response") { return checked.length ? checked : undefined; }
    if (type === "true_false") { return checked.length ? checked[0] === "true" : undefined; }
    if (type === "numeric" || type === "short_text") {
      var value = fs.querySelector("input.zhineng-text").value;
      return value.trim() ? value : undefined;
    }
    if (type === "ordering") {
      return Array.prototype.map.call(fs.querySelectorAll(".zhineng-order li"), function (li) {
        return li.getAttribute("data-item");
      });
    }
    if (type === "cloze") {
      var gaps = Array.prototype.map.call(fs.querySelectorAll("input.zhineng-gap"), function (i) { return i.value; });
      return gaps.every(function (v) { return v.trim(); }) ? gaps : undefined;
    }
    if (type === "matching") {
      var out = {}, complete = true;
      Array.prototype.forEach.call(fs.querySelectorAll("select[data-premise]"), function (s) {
        if (s.value) { out[s.getAttribute("data-premise")] = s.value; } else { complete = false; }
      });
      return complete ? out : undefined;
    }
    return undefined;
  }

  function textOfChoice(fs, id) {
    var input = fs.querySelector("input[value=\"" + CSS.escape(String(id)) + "\"]");
    var label = input && fs.querySelector("label[for=\"" + input.id + "\"]");
    return label ? label.textContent : String(id);
  }

  function answerText(fs, answer) {
    var type = fs.getAttribute("data-type");
    if (type === "single_choice" || type === "multiple_response") {
      return answer.map(function (id) { return textOfChoice(fs, id); }).join("；");
    }
    if (type === "true_false") { return answer ? t["true"] : t["false"]; }
    if (type === "cloze") { return answer.join("；"); }
    if (type === "numeric") {
      var unit = fs.querySelector(".zhineng-unit");
      return String(answer) + (unit ? " " + unit.textContent : "");
    }
    if (type === "ordering") {
      return answer.map(function (id) {
        var li = fs.querySelector("li[data-item=\"" + CSS.escape(id) + "\"] .zhineng-item-text");
        return li ? li.textContent : id;
      }).join(" → ");
    }
    if (type === "matching") {
      return Object.keys(answer).map(function (premise) {
        var select = fs.querySelector("select[data-premise=\"" + CSS.escape(premise) + "\"]");
        var label = select && fs.querySelector("label[for=\"" + select.id + "\"]");
        var option = select && select.querySelector("option[value=\"" + CSS.escape(answer[premise]) + "\"]");
        return (label ? label.textContent : premise) + " → " + (option ? option.textContent : answer[premise]);
      }).join("；");
    }
    return String(answer);
  }

  function show(outcome) {
    root.querySelector(".zhineng-attempts-used").textContent = outcome.attempts;
    fieldsets().forEach(function (fs) {
      var r = outcome.results[fs.getAttribute("data-qid")];
      var box = fs.querySelector(".zhineng-feedback");
      box.textContent = "";
      if (!r) { return; }
      var verdict = r.correct ? t.correct : (r.score > 0 ? t.partly : t.incorrect);
      var head = document.createElement("p");
      head.className = r.correct ? "zhineng-correct" : "zhineng-incorrect";
      head.textContent = verdict + " (" + r.score + " / " + r.max_score + " " + t.points + ")";
      box.appendChild(head);
      r.feedback.forEach(function (line) {
        var p = document.createElement("p");
        p.textContent = line;
        box.appendChild(p);
      });
      if (r.answer !== undefined) {
        var a = document.createElement("p");
        a.className = "zhineng-answer";
        a.textContent = t.answer + ": " + answerText(fs, r.answer);
        box.appendChild(a);
        var ex = document.createElement("div");
        ex.className = "zhineng-explanation";
        ex.innerHTML = r.explanation_html;  // sanitised on the server (nh3)
        box.appendChild(ex);
      }
    });
    var message = t.score + ": " + outcome.score + " / " + outcome.max_score;
    if (!outcome.can_retry) {
      message += " — " + t.no_attempts;
      if (button) { button.disabled = true; }
    }
    C.say(status, message, false);
  }

  if (form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var answers = {}, firstMissing = null;
      fieldsets().forEach(function (fs) {
        var value = responseOf(fs);
        if (value === undefined) { firstMissing = firstMissing || fs; } else { answers[fs.getAttribute("data-qid")] = value; }
      });
      if (firstMissing) {
        C.say(status, t.unanswered, true);
        var focusable = firstMissing.querySelector("input, select, button");
        if (focusable) { focusable.focus(); }
        return;
      }
      if (button) { button.disabled = true; }
      C.postJson(url, { answers: answers }).then(function (res) {
        if (button) { button.disabled = false; }
        if (!res.ok) {
          C.say(status, t.error + ": " + (res.data.error || res.status), true);
          if (res.status === 403 && button) { button.disabled = true; }
          return;
        }
        show(res.data);
        // The button was disabled while the answers were sent, which drops focus to <body>: put it on the score.
        status.focus();
        C.progressChanged();
      });
    });
  }

  if (init.last) { show(init.last); }
}
