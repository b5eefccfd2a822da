/* The short_text type's runtime half (quizzes/types/short_text.py). State body: the text, cut to SHORT_TEXT_MAX. */
// needs: question-types.js grader.js widgets.js state.js responses.js dom.js
(function (Z) {
  "use strict";

  var SHORT_TEXT_MAX = 100; // quizzes/types/short_text.py SHORT_TEXT_MAX: the box's maxlength, and what the state keeps

  function grade(q, response) {
    if (typeof response !== "string") throw new Z.ResponseError("expected a text answer");
    if (Z.pyLen(response) > Z.MAX_TEXT_RESPONSE) {
      throw new Z.ResponseError("the answer is longer than " + Z.MAX_TEXT_RESPONSE + " characters");
    }
    var given = Z.normaliseText(response);
    if (!given) throw new Z.ResponseError("the answer is empty");
    if (q.accepted.some(function (a) { return given === Z.normaliseText(a); })) {
      return Z.gradeResult(q, 1, 1, [q.feedback.correct]);
    }
    var mistake = (q.mistakes || []).find(function (m) { return given === Z.normaliseText(m.text); });
    return Z.gradeResult(q, 0, 1, [mistake ? mistake.feedback : q.feedback.incorrect]);
  }

  // fill-in: 1.2 keeps one pattern of 255 characters; 2004 up to patternsMax patterns of 250.
  function interaction(v, q, response) {
    var max = v.textMax["fill-in"];
    return {
      type: "fill-in",
      learner: Z.cleanText(response, max),
      correct: q.accepted.slice(0, v.patternsMax).map(function (a) { return Z.cleanText(a, max); }),
    };
  }

  Z.QUESTION_TYPES.short_text = {
    // The words its widget shows, looked up before the player's own (i18n.js translator).
    strings: {
      "zh-TW": { textLabel: "你的答案" },
      en: { textLabel: "Your answer" },
    },
    grade: grade,
    widget: function (q, t) {
      var w = Z.textWidget(q, t, t("textLabel"), SHORT_TEXT_MAX, null, null);
      w.key = function () { return Z.h("p", { text: q.accepted[0] }); };
      return w;
    },
    encode: function (q, response) { return Z.codec.cut(response, SHORT_TEXT_MAX); },
    decode: function (q, body) { return body; },
    interaction: interaction,
    longest: function () { return "長".repeat(500); },
  };
})(Zhineng);
