/* The quiz block: collect one response per open question, post them, show each question's result, which parts are
 * wrong, its attempts and (by the show-answer policy) its key; Retry reopens the questions with attempts left. */
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
  var retryButton = root.querySelector(".zhineng-retry");
  var url = runtime.handlerUrl(root, "submit");

  // Each question type's block half (xblocks/qtypes/, named by its unit in quizzes/types/) reads and writes its
  // response, names its key, marks its parts, and wires any behaviour of its own; this file never asks which type
  // a question is. Its hooks get `t`, the quiz's strings with every type's `block_strings`, translated.
  var types = window.ZhinengQuizTypes || {};

  function fieldsets() { return C.all(root, ".zhineng-question"); }
  function typeOf(fs) { return types[fs.getAttribute("data-type")]; }
  function qid(fs) { return fs.getAttribute("data-qid"); }
  // A question answered, waiting for Retry or with no attempt left: its controls are read-only.
  function isClosed(fs) { return fs.hasAttribute("data-state"); }

  function setEnabled(fs, on) {
    C.all(fs, "input, select, button:not(.zhineng-show-answer)").forEach(function (el) { el.disabled = !on; });
  }

  function paragraph(parent, className, text) {
    var p = document.createElement("p");
    if (className) { p.className = className; }
    p.textContent = text;
    parent.appendChild(p);
    return p;
  }

  // The key and the explanation (sanitised on the server with nh3), once the policy allows.
  function showKey(fs, key) {
    var box = fs.querySelector(".zhineng-key");
    box.textContent = "";
    paragraph(box, "zhineng-answer", t.answer + ": " + typeOf(fs).answerText(fs, key.answer, t));
    var ex = document.createElement("div");
    ex.className = "zhineng-explanation";
    ex.innerHTML = key.explanation_html;
    box.appendChild(ex);
    box.hidden = false;
    var ask = fs.querySelector(".zhineng-show-answer");
    if (ask) { ask.hidden = true; }
  }

  fieldsets().forEach(function (fs) {
    var type = typeOf(fs);
    if (type.init) { type.init(fs, t); }
    var key = (init.keys || {})[qid(fs)];
    if (key) {  // show_answer "always": on request, before any answer too
      var ask = document.createElement("button");
      ask.type = "button";
      ask.className = "zhineng-show-answer";
      ask.textContent = t.show_answer;
      ask.addEventListener("click", function () { showKey(fs, key); });
      fs.appendChild(ask);
    }
  });

  // Points as the SCO shows them: at most two decimals (1/3 of a point reads 0.33, not 0.3333333333333333).
  function shown(n) {
    return Math.round(n * 100) / 100;
  }

  function showResult(fs, r) {
    var box = fs.querySelector(".zhineng-feedback");
    box.textContent = "";
    fs.setAttribute("data-state", r.can_retry ? "retry" : "closed");
    setEnabled(fs, false);
    var verdict = r.correct ? t.correct : (r.score > 0 ? t.partly : t.incorrect);
    paragraph(box, r.correct ? "zhineng-correct" : "zhineng-incorrect",
      verdict + " (" + shown(r.score) + " / " + shown(r.max_score) + " " + t.points + ")");
    var type = typeOf(fs);
    if (r.marks && type.mark) {
      // Which parts are wrong, in words: the live region reads it out; the marks beside the parts show it.
      var summary = type.mark(fs, r.marks, t);
      if (summary) { paragraph(box, "zhineng-part-summary", summary); }
    }
    r.feedback.forEach(function (line) { paragraph(box, "", line); });
    if (r.attempts_allowed !== 1) {
      paragraph(box, "zhineng-attempt", r.attempts_allowed === 0 ? t.attempt_n.replace("{n}", r.attempts_used)
        : t.attempt_of.replace("{n}", r.attempts_used).replace("{max}", r.attempts_allowed));
    }
    if (r.answer !== undefined) { showKey(fs, r); }
  }

  function show(outcome) {
    var allRight = true;
    fieldsets().forEach(function (fs) {
      var r = outcome.results[qid(fs)];
      if (r) {
        showResult(fs, r);
        allRight = allRight && r.correct;
      }
    });
    var message = t.score + ": " + shown(outcome.score) + " / " + shown(outcome.max_score);
    if (!outcome.can_retry && !allRight) { message += " — " + t.no_attempts; }
    if (button) { button.hidden = true; }
    if (retryButton) { retryButton.hidden = !outcome.can_retry; }
    C.say(status, message, false);
  }

  // Another attempt at the questions still open: their controls again, holding the last answer to change.
  if (retryButton) {
    retryButton.addEventListener("click", function () {
      var first = null;
      fieldsets().forEach(function (fs) {
        if (fs.getAttribute("data-state") !== "retry") { return; }
        fs.removeAttribute("data-state");
        setEnabled(fs, true);
        var type = typeOf(fs);
        if (type.unmark) { type.unmark(fs); }
        fs.querySelector(".zhineng-feedback").textContent = "";
        first = first || fs.querySelector("input:not(:disabled), select:not(:disabled), button:not(:disabled)");
      });
      retryButton.hidden = true;
      button.hidden = false;
      if (first) { first.focus(); }
    });
  }

  if (form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var answers = {}, firstMissing = null;
      fieldsets().forEach(function (fs) {
        if (isClosed(fs)) { return; }
        var value = typeOf(fs).read(fs);
        if (value === undefined) { firstMissing = firstMissing || fs; } else { answers[qid(fs)] = value; }
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
        // The button was hidden as the answers were sent, which drops focus to <body>: put it on the score.
        status.focus();
        C.progressChanged();
      });
    });
  }

  if (init.last) {
    // The learner's last answers, as they gave them, with their results (as Open edX's own problems show it).
    fieldsets().forEach(function (fs) {
      var response = init.responses[qid(fs)];
      if (response !== undefined) { typeOf(fs).write(fs, response); }
    });
    show(init.last);
  }
}
