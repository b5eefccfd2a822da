/* A question's section around its type's widget (qtype-*.js: native form controls with labels, stable data-*
 * hooks for QA), and the pieces those widgets share. A widget knows nothing of the LMS: it reads a response in
 * the grader's shape, restores one, and shows a result. */
// needs: question-types.js dom.js grader.js attempts.js i18n.js
(function (Z) {
  "use strict";

  var h = Z.h;

  // A fixed shuffle per question (seeded by its id): the same on every launch, and never the answer itself,
  // since authors often write ordering items in their right order. The port of quizzes/types/unit.py
  // display_order (the blocks' order), held to it by tests/vectors/shuffle.json.
  function shuffled(list, seedText, avoid) {
    var seed = 2166136261;
    for (var i = 0; i < seedText.length; i++) seed = Math.imul(seed ^ seedText.charCodeAt(i), 16777619) >>> 0;
    var out = list.slice();
    for (var k = out.length - 1; k > 0; k--) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      var j = seed % (k + 1);
      var tmp = out[k];
      out[k] = out[j];
      out[j] = tmp;
    }
    if (avoid && avoid.length === out.length && out.every(function (x, n) { return x.id === avoid[n]; })) out.push(out.shift());
    return out;
  }

  // Stable QA hooks on every control of a question.
  function hooks(q, action, choiceId) {
    return { "data-question-id": q.id, "data-action": action, "data-choice-id": choiceId };
  }

  function choiceList(q, kind) {
    var name = Z.uid("q");
    var rows = q.choices.map(function (c) {
      var id = Z.uid("c");
      var input = h("input", Object.assign({ type: kind, id: id, name: name, value: c.id }, hooks(q, "choose", c.id)));
      var note = h("span", { "class": "choice-feedback", hidden: true });
      return { choice: c, input: input, note: note, el: h("div", { "class": "choice" }, [input, h("label", { "for": id, text: c.text }), note]) };
    });
    return rows;
  }

  // reveal: whether the show-answer policy lets the right choices be named now (runtime/attempts.js).
  function showChoiceFeedback(rows, picked, t, reveal) {
    rows.forEach(function (row) {
      var chosen = picked.indexOf(row.choice.id) >= 0;
      var right = reveal && !!row.choice.correct;
      var tags = [];
      if (chosen) tags.push(t("yourChoice"));
      if (right) tags.push(t("rightAnswer"));
      row.el.classList.toggle("is-right", right);
      row.el.classList.toggle("is-picked", chosen);
      row.note.hidden = true;
      if (!chosen && !right) return;
      row.note.hidden = false;
      row.note.textContent = "（" + tags.join("・") + "）" + (chosen ? row.choice.feedback : "");
    });
  }

  function clearChoiceFeedback(rows) {
    rows.forEach(function (row) {
      row.el.classList.remove("is-right", "is-picked");
      row.note.hidden = true;
    });
  }

  function textWidget(q, t, labelText, max, hint, inputmode) {
    var id = Z.uid("t");
    var input = h("input", Object.assign({ type: "text", id: id, maxlength: max, inputmode: inputmode, autocomplete: "off" }, hooks(q, "input")));
    return {
      controls: [h("div", { "class": "text-answer" }, [h("label", { "for": id, text: labelText }), input, hint ? h("span", { "class": "hint", text: hint }) : null])],
      group: false,
      read: function () {
        return input.value.trim() ? { response: input.value } : { error: t("typeSomething") };
      },
      restore: function (response) { input.value = response; },
      feedback: function () { return true; },
    };
  }

  /** A part's mark beside it: an icon for the eye and words for a screen reader, never colour alone. */
  function partMark(el, right, t, words) {
    el.classList.remove("is-right", "is-wrong");
    el.classList.add(right ? "is-right" : "is-wrong");
    var old = el.querySelector(".part-mark");
    if (old) old.remove();
    el.appendChild(h("span", { "class": "part-mark", "data-mark": right ? "right" : "wrong" }, [
      h("span", { "aria-hidden": "true", text: right ? "✓" : "✗" }),
      h("span", { "class": "visually-hidden", text: t(right ? words[0] : words[1]) }),
    ]));
  }

  function unmark(el) {
    el.classList.remove("is-right", "is-wrong");
    var old = el.querySelector(".part-mark");
    if (old) old.remove();
  }

  /** Build a question's section. onSubmit(response) returns a result or throws the grader's ResponseError;
   *  used() is the attempts the learner has made at it (the last one's result is the one shown). */
  function questionView(q, number, t, onSubmit, used) {
    var promptId = Z.uid("prompt");
    var unit = Z.QUESTION_TYPES[q.type];
    var widget = unit.widget(q, Z.translator(t.locale, unit.strings)); // its own words first
    var message = h("p", { "class": "message", role: "alert", hidden: true });
    // Focusable: a submit hides its button, and focus moves here instead of falling to <body>.
    var outcome = h("div", { "class": "outcome", role: "status", "aria-live": "polite", tabindex: "-1", "data-outcome": q.id });
    var body = widget.group
      ? h("fieldset", { "aria-labelledby": promptId }, widget.controls)
      : h("div", { "class": "controls", role: "group", "aria-labelledby": promptId }, widget.controls);
    var submit = h("button", Object.assign({ type: "button", "class": "submit", onclick: trySubmit }, hooks(q, "submit")), [t("submit")]);
    // Policy "always": the key on request, before any answer too (Open edX's Show answer button).
    var showKey = q.show_answer === "always"
      ? h("button", Object.assign({ type: "button", "class": "show-answer", onclick: function () { reveal(); } }, hooks(q, "show-answer")), [t("showAnswer")])
      : null;
    var keyBox = h("div", { "class": "key", "data-key": q.id, tabindex: "-1", hidden: true });
    var section = h("section", { "class": "question", "data-question-id": q.id, "data-action": "question", "data-type": q.type }, [
      h("div", { "class": "prompt", id: promptId }, [h("span", { "class": "number", text: number + ". " }), h("div", { html: q.prompt_html })]),
      body, message, h("div", { "class": "question-actions" }, [submit, showKey]), outcome, keyBox,
    ]);

    function trySubmit() {
      var read = widget.read();
      if (read.error) return say(read.error);
      var result;
      try {
        result = onSubmit(read.response);
      } catch (err) {
        if (err instanceof Z.ResponseError) return say(widget.refused ? widget.refused() : err.message);
        throw err;
      }
      show(read.response, result);
      outcome.focus();
    }

    function say(text) {
      message.hidden = false;
      message.textContent = text;
    }

    // The key and the explanation, once the show-answer policy allows (runtime/attempts.js).
    function reveal() {
      keyBox.textContent = "";
      var key = widget.key ? widget.key() : null;
      if (key) keyBox.appendChild(h("div", { "class": "answer-key" }, [h("h3", { text: t("rightAnswer") }), key]));
      keyBox.appendChild(h("div", { "class": "explanation" }, [h("h3", { text: t("explanation") }), h("div", { html: q.explanation_html })]));
      keyBox.hidden = false;
      if (showKey) showKey.hidden = true;
    }

    function show(response, result) {
      var n = used();
      var open = Z.canRetry(q, n, result.correct);
      var revealed = Z.mayShowAnswer(q, n, result.correct);
      message.hidden = true;
      section.querySelectorAll("input, select, button").forEach(function (el) { el.disabled = true; });
      submit.hidden = true;
      section.classList.remove("is-correct", "is-incorrect");
      section.classList.add(result.correct ? "is-correct" : "is-incorrect");
      var verdict = result.correct ? t("correct") : result.score > 0 ? t("partly") : t("incorrect");
      outcome.textContent = "";
      outcome.appendChild(h("p", { "class": "verdict" }, [h("strong", { text: verdict }), " " + t("score", { score: round(result.score), max: round(result.max_score) })]));
      // Which parts are wrong, in words: the live region reads it out, the marks beside the parts show it.
      var marked = widget.mark ? widget.mark(result) : null;
      if (marked) outcome.appendChild(h("p", { "class": "part-summary", "data-part-summary": q.id, text: marked }));
      if (widget.feedback(result, response, revealed)) {
        result.feedback.forEach(function (f) { outcome.appendChild(h("p", { "class": "feedback", text: f })); });
      }
      if (q.attempts !== 1) {
        var left = Z.attemptsLeft(q, n);
        outcome.appendChild(h("p", { "class": "attempts", "data-attempts": q.id,
          text: left === null ? t("attemptN", { n: n }) : t("attemptOf", { n: n, max: q.attempts }) }));
      }
      if (open) {
        outcome.appendChild(h("button", Object.assign({ type: "button", "class": "retry", onclick: retry }, hooks(q, "retry")), [t("retry")]));
      }
      if (revealed) reveal();
      else keyBox.hidden = true;
      if (showKey) showKey.hidden = revealed;
    }

    // Another attempt: the controls again, holding the last answer to change; its result stands until then.
    function retry() {
      section.querySelectorAll("input, select, button").forEach(function (el) { el.disabled = false; });
      if (widget.unmark) widget.unmark();
      var last = widget.read();
      if (last.response !== undefined) widget.restore(last.response); // redraws what the state of its controls depends on
      section.classList.remove("is-correct", "is-incorrect");
      outcome.textContent = "";
      submit.hidden = false;
      if (showKey) showKey.hidden = !keyBox.hidden;
      var first = body.querySelector("input:not(:disabled), select:not(:disabled), button:not(:disabled)");
      if (first) first.focus();
    }

    return {
      el: section,
      restore: function (response, result) {
        widget.restore(response);
        show(response, result);
      },
    };
  }

  function round(n) {
    return Math.round(n * 100) / 100;
  }

  Object.assign(Z, {
    questionView: questionView,
    shuffled: shuffled,
    widgetHooks: hooks,
    choiceRows: choiceList,
    showChoiceFeedback: showChoiceFeedback,
    clearChoiceFeedback: clearChoiceFeedback,
    partMark: partMark,
    unmark: unmark,
    textWidget: textWidget,
  });
})(Zhineng);
