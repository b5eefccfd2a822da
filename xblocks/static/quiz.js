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

  // Each question type's block half (xblocks/qtypes/, named by its unit in quizzes/types/) reads and writes its
  // response, names its key, and wires any behaviour of its own; this file never asks which type a question is.
  // Its hooks get `t`, the quiz's strings with every type's `block_strings`, translated.
  var types = window.ZhinengQuizTypes || {};

  function fieldsets() { return C.all(root, ".zhineng-question"); }
  function typeOf(fs) { return types[fs.getAttribute("data-type")]; }

  fieldsets().forEach(function (fs) {
    var type = typeOf(fs);
    if (type.init) { type.init(fs, t); }
  });

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
        a.textContent = t.answer + ": " + typeOf(fs).answerText(fs, r.answer, t);
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
        var value = typeOf(fs).read(fs);
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

  if (init.last) {
    // The learner's last submission, as they gave it, with its results (as Open edX's own problems show it).
    fieldsets().forEach(function (fs) {
      var response = init.responses[fs.getAttribute("data-qid")];
      if (response !== undefined) { typeOf(fs).write(fs, response); }
    });
    show(init.last);
  }
}
