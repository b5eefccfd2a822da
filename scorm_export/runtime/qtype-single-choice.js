/* The single_choice type's runtime half (quizzes/types/single_choice.py). State body: the choice's index. */
// needs: question-types.js grader.js widgets.js state.js
(function (Z) {
  "use strict";

  function grade(q, response) {
    if (typeof response !== "string") throw new Z.ResponseError("expected one choice id");
    var chosen = q.choices.find(function (c) { return c.id === response; });
    if (!chosen) throw new Z.ResponseError("unknown choice id '" + Z.cut40(response) + "'");
    return Z.gradeResult(q, chosen.correct ? 1 : 0, 1, [chosen.feedback]);
  }

  function widget(q, t) {
    var rows = Z.choiceRows(q, "radio");
    return {
      controls: rows.map(function (r) { return r.el; }),
      group: true,
      read: function () {
        var on = rows.filter(function (r) { return r.input.checked; })[0];
        return on ? { response: on.choice.id } : { error: t("pickOne") };
      },
      restore: function (response) { rows.forEach(function (r) { r.input.checked = r.choice.id === response; }); },
      feedback: function (result, response, reveal) { Z.showChoiceFeedback(rows, [response], t, reveal); return false; },
      unmark: function () { Z.clearChoiceFeedback(rows); },
    };
  }

  function correctIds(q, v) {
    return q.choices.filter(function (c) { return c.correct; }).map(function (c) { return c.id; }).join(v.list);
  }

  Z.QUESTION_TYPES.single_choice = {
    // The words its widget shows, looked up before the player's own (i18n.js translator).
    strings: {
      "zh-TW": { pickOne: "請先選擇一個答案。" },
      en: { pickOne: "Choose an answer first." },
    },
    grade: grade,
    widget: widget,
    encode: function (q, response) {
      return Z.codec.b36(q.choices.findIndex(function (c) { return c.id === response; }));
    },
    decode: function (q, body) {
      var c = q.choices[parseInt(body, 36)];
      return c ? c.id : undefined;
    },
    interaction: function (v, q, response) {
      return { type: "choice", learner: response, correct: [correctIds(q, v)] };
    },
    components: function (q, component) { return { choices: q.choices.map(component) }; },
    longest: function (q) { return q.choices[q.choices.length - 1].id; },
    correctIds: correctIds,
  };
})(Zhineng);
