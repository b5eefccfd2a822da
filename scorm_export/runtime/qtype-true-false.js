/* The true_false type's runtime half (quizzes/types/true_false.py). State body: 1 or 0. */
// needs: question-types.js grader.js widgets.js dom.js
(function (Z) {
  "use strict";

  var h = Z.h;

  function grade(q, response) {
    if (typeof response !== "boolean") throw new Z.ResponseError("expected true or false");
    var right = response === q.answer;
    return Z.gradeResult(q, right ? 1 : 0, 1, [right ? q.feedback.correct : q.feedback.incorrect]);
  }

  function widget(q, t) {
    var name = Z.uid("q");
    var inputs = [true, false].map(function (value) {
      var id = Z.uid("c");
      var input = h("input", Object.assign({ type: "radio", id: id, name: name, value: String(value) }, Z.widgetHooks(q, "choose", String(value))));
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
      key: function () { return h("p", { text: t(q.answer ? "trueLabel" : "falseLabel") }); },
    };
  }

  Z.QUESTION_TYPES.true_false = {
    // The words its widget shows, looked up before the player's own (i18n.js translator).
    strings: {
      "zh-TW": { trueLabel: "對", falseLabel: "錯", pickOne: "請先選擇一個答案。" },
      en: { trueLabel: "True", falseLabel: "False", pickOne: "Choose an answer first." },
    },
    grade: grade,
    widget: widget,
    encode: function (q, response) { return response ? "1" : "0"; },
    decode: function (q, body) { return body === "1" ? true : body === "0" ? false : undefined; },
    interaction: function (v, q, response) {
      return { type: "true-false", learner: v.bool[String(response)], correct: [v.bool[String(q.answer)]] };
    },
    longest: function () { return true; },
  };
})(Zhineng);
