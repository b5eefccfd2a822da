/* One widget per question type: native form controls with labels, stable data-* hooks for QA, and the
 * feedback shown after a submit. A widget knows nothing of the LMS: it reads a response in the grader's
 * shape, restores one, and shows a result. */
// needs: question-types.js dom.js grader.js state.js
(function (Z) {
  "use strict";

  var h = Z.h;

  // A fixed shuffle per question (seeded by its id): the same on every launch, and never the answer itself,
  // since authors often write ordering items in their right order.
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
    if (avoid && out.every(function (x, n) { return x.id === avoid[n]; })) out.push(out.shift());
    return out;
  }

  // Stable QA hooks on every control of a question.
  function hooks(q, action, choiceId) {
    return { "data-question-id": q.id, "data-action": action, "data-choice-id": choiceId };
  }

  function choiceList(q, t, kind) {
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

  var TYPES = {
    single_choice: function (q, t) {
      var rows = choiceList(q, t, "radio");
      return {
        controls: rows.map(function (r) { return r.el; }),
        group: true,
        read: function () {
          var on = rows.filter(function (r) { return r.input.checked; })[0];
          return on ? { response: on.choice.id } : { error: t("pickOne") };
        },
        restore: function (response) { rows.forEach(function (r) { r.input.checked = r.choice.id === response; }); },
        feedback: function (result, response) { showChoiceFeedback(rows, [response], t); return false; },
      };
    },
    multiple_response: function (q, t) {
      var rows = choiceList(q, t, "checkbox");
      return {
        controls: rows.map(function (r) { return r.el; }),
        group: true,
        read: function () {
          var on = rows.filter(function (r) { return r.input.checked; }).map(function (r) { return r.choice.id; });
          return on.length ? { response: on } : { error: t("pickSome") };
        },
        restore: function (response) { rows.forEach(function (r) { r.input.checked = response.indexOf(r.choice.id) >= 0; }); },
        feedback: function (result, response) { showChoiceFeedback(rows, response, t); return false; },
      };
    },
    true_false: function (q, t) {
      var name = Z.uid("q");
      var inputs = [true, false].map(function (value) {
        var id = Z.uid("c");
        var input = h("input", Object.assign({ type: "radio", id: id, name: name, value: String(value) }, hooks(q, "choose", String(value))));
        return { value: value, input: input, el: h("div", { "class": "choice" }, [input, h("label", { "for": id, text: t(value ? "trueLabel" : "falseLabel") })]) };
      });
      return {
        controls: inputs.map(function (i) { return i.el; }),
        group: true,
        read: function () {
          var on = inputs.filter(function (i) { return i.input.checked; })[0];
          return on ? { response: on.value } : { error: t("pickOne") };
        },
        restore: function (response) { inputs.forEach(function (i) { i.input.checked = i.value === response; }); },
        feedback: function () { return true; },
      };
    },
    numeric: function (q, t) {
      return textWidget(q, t, t("numberLabel"), Z.NUMERIC_MAX, q.unit ? t("unit", { unit: q.unit }) : null, "decimal");
    },
    short_text: function (q, t) {
      return textWidget(q, t, t("textLabel"), Z.SHORT_TEXT_MAX, null, null);
    },
    ordering: function (q, t) {
      var list = h("ol", { "class": "ordering" });
      var order = shuffled(q.items, q.id, q.answer);
      function draw(focusId, focusAction) {
        list.textContent = "";
        order.forEach(function (item, i) {
          var up = h("button", Object.assign({ type: "button", "aria-label": t("moveUp", { item: item.text }), disabled: i === 0,
            onclick: function () { move(i, -1, item.id, "move-up"); } }, hooks(q, "move-up", item.id)), [t("up")]);
          var down = h("button", Object.assign({ type: "button", "aria-label": t("moveDown", { item: item.text }), disabled: i === order.length - 1,
            onclick: function () { move(i, 1, item.id, "move-down"); } }, hooks(q, "move-down", item.id)), [t("down")]);
          list.appendChild(h("li", { "data-choice-id": item.id }, [h("span", { "class": "item-text", text: item.text }), up, down]));
          if (item.id === focusId) (focusAction === "move-up" ? (i === 0 ? down : up) : (i === order.length - 1 ? up : down)).focus();
        });
      }
      function move(i, step, id, action) {
        var j = i + step;
        if (j < 0 || j >= order.length) return;
        var tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
        draw(id, action);
      }
      draw();
      return {
        controls: [list],
        group: true,
        read: function () { return { response: order.map(function (i) { return i.id; }) }; },
        restore: function (response) {
          order = response.map(function (id) { return q.items.filter(function (i) { return i.id === id; })[0]; });
          draw();
        },
        feedback: function () { return true; },
      };
    },
    matching: function (q, t) {
      var rows = q.premises.map(function (p) {
        var id = Z.uid("m");
        var select = h("select", Object.assign({ id: id }, hooks(q, "match", p.id)),
          [h("option", { value: "", text: t("choose") })].concat(shuffled(q.options, q.id).map(function (o) {
            return h("option", { value: o.id, text: o.text });
          })));
        return { premise: p, select: select, el: h("div", { "class": "match" }, [h("label", { "for": id, text: p.text }), select]) };
      });
      return {
        controls: rows.map(function (r) { return r.el; }),
        group: true,
        read: function () {
          var out = {};
          rows.forEach(function (r) { if (r.select.value) out[r.premise.id] = r.select.value; });
          return Object.keys(out).length ? { response: out } : { error: t("matchSome") };
        },
        restore: function (response) { rows.forEach(function (r) { r.select.value = response[r.premise.id] || ""; }); },
        feedback: function () { return true; },
      };
    },
  };

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
    var unit = Z.QUESTION_TYPES[q.type];
    var widget = (unit ? unit.widget : TYPES[q.type])(q, t);
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
        if (err instanceof Z.ResponseError) return say(q.type === "numeric" ? t("notANumber") : err.message);
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

  Z.questionView = questionView;
})(Zhineng);
