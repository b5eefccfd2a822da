/* A question's section around its type's widget (qtype-*.js: native form controls with labels, stable data-*
 * hooks for QA), and the pieces those widgets share. A widget knows nothing of the LMS: it reads a response in
 * the grader's shape, restores one, and shows a result. */
// needs: question-types.js dom.js grader.js attempts.js
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

  function showChoiceFeedback(rows, picked, t) {
    rows.forEach(function (row) {
      var chosen = picked.indexOf(row.choice.id) >= 0;
      var tags = [];
      if (chosen) tags.push(t("yourChoice"));
      if (row.choice.correct) tags.push(t("rightAnswer"));
      row.el.classList.toggle("is-right", !!row.choice.correct);
      row.el.classList.toggle("is-picked", chosen);
      if (!chosen && !row.choice.correct) return;
      row.note.hidden = false;
      row.note.textContent = "（" + tags.join("・") + "）" + (chosen ? row.choice.feedback : "");
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

  /** Build a question's section. onSubmit(response) returns a result or throws the grader's ResponseError. */
  function questionView(q, number, t, onSubmit) {
    var promptId = Z.uid("prompt");
    var widget = Z.QUESTION_TYPES[q.type].widget(q, t);
    var message = h("p", { "class": "message", role: "alert", hidden: true });
    // Focusable: a submit hides its button, and focus moves here instead of falling to <body>.
    var outcome = h("div", { "class": "outcome", role: "status", "aria-live": "polite", tabindex: "-1", "data-outcome": q.id });
    var body = widget.group
      ? h("fieldset", { "aria-labelledby": promptId }, widget.controls)
      : h("div", { "class": "controls", role: "group", "aria-labelledby": promptId }, widget.controls);
    var submit = h("button", Object.assign({ type: "button", "class": "submit", onclick: trySubmit }, hooks(q, "submit")), [t("submit")]);
    var section = h("section", { "class": "question", "data-question-id": q.id, "data-action": "question", "data-type": q.type }, [
      h("div", { "class": "prompt", id: promptId }, [h("span", { "class": "number", text: number + ". " }), h("div", { html: q.prompt_html })]),
      body, message, submit, outcome,
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

    function show(response, result) {
      message.hidden = true;
      section.querySelectorAll("input, select, button").forEach(function (el) { el.disabled = true; });
      submit.hidden = true;
      section.classList.add(result.correct ? "is-correct" : "is-incorrect");
      var verdict = result.correct ? t("correct") : result.score > 0 ? t("partly") : t("incorrect");
      outcome.textContent = "";
      outcome.appendChild(h("p", { "class": "verdict" }, [h("strong", { text: verdict }), " " + t("score", { score: round(result.score), max: round(result.max_score) })]));
      if (widget.feedback(result, response)) {
        result.feedback.forEach(function (f) { outcome.appendChild(h("p", { "class": "feedback", text: f })); });
      }
      outcome.appendChild(h("div", { "class": "explanation" }, [h("h3", { text: t("explanation") }), h("div", { html: q.explanation_html })]));
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
    textWidget: textWidget,
  });
})(Zhineng);
