/* The multiple_response type's runtime half (quizzes/types/multiple_response.py). State body: one hex digit per
 * four choices, a bit per choice picked. */
// needs: question-types.js grader.js widgets.js state.js qtype-single-choice.js
(function (Z) {
  "use strict";

  function grade(q, response) {
    var picked = new Set(Z.idsList(response, "choice"));
    if (!picked.size) throw new Z.ResponseError("choose at least one choice");
    var known = new Set(q.choices.map(function (c) { return c.id; }));
    var unknown = Array.from(picked).filter(function (id) { return !known.has(id); });
    if (unknown.length) {
      throw new Z.ResponseError("unknown choice id '" + Z.cut40(unknown.sort(Z.byCodePoint)[0]) + "'");
    }
    var correctIds = new Set(q.choices.filter(function (c) { return c.correct; }).map(function (c) { return c.id; }));
    var feedback = q.choices.filter(function (c) { return picked.has(c.id); }).map(function (c) { return c.feedback; });
    if (q.scoring === "partial") {
      var right = Array.from(picked).filter(function (id) { return correctIds.has(id); }).length;
      var wrong = picked.size - right;
      return Z.gradeResult(q, Math.max(0, right - wrong), correctIds.size, feedback);
    }
    var same = picked.size === correctIds.size && Array.from(picked).every(function (id) { return correctIds.has(id); });
    return Z.gradeResult(q, same ? 1 : 0, 1, feedback);
  }

  function widget(q, t) {
    var rows = Z.choiceRows(q, "checkbox");
    return {
      controls: rows.map(function (r) { return r.el; }),
      group: true,
      read: function () {
        var on = rows.filter(function (r) { return r.input.checked; }).map(function (r) { return r.choice.id; });
        return on.length ? { response: on } : { error: t("pickSome") };
      },
      restore: function (response) { rows.forEach(function (r) { r.input.checked = response.indexOf(r.choice.id) >= 0; }); },
      feedback: function (result, response, reveal) { Z.showChoiceFeedback(rows, response, t, reveal); return false; },
      unmark: function () { Z.clearChoiceFeedback(rows); },
    };
  }

  function encode(q, response) {
    var nibbles = "";
    for (var i = 0; i < q.choices.length; i += 4) {
      var v = 0;
      for (var j = 0; j < 4 && i + j < q.choices.length; j++) {
        if (response.indexOf(q.choices[i + j].id) >= 0) v |= 1 << j;
      }
      nibbles += v.toString(16);
    }
    return nibbles;
  }

  function decode(q, body) {
    if (body.length !== Math.ceil(q.choices.length / 4)) return undefined;
    return q.choices.filter(function (ch, k) {
      return (parseInt(body.charAt(k >> 2), 16) >> (k & 3)) & 1;
    }).map(function (ch) { return ch.id; });
  }

  var single = Z.QUESTION_TYPES.single_choice;
  Z.QUESTION_TYPES.multiple_response = {
    // The words its widget shows, looked up before the player's own (i18n.js translator).
    strings: {
      "zh-TW": { pickSome: "請至少選擇一個答案。" },
      en: { pickSome: "Choose at least one answer." },
    },
    grade: grade,
    widget: widget,
    encode: encode,
    decode: decode,
    interaction: function (v, q, response) {
      return { type: "choice", learner: response.join(v.list), correct: [single.correctIds(q, v)] };
    },
    components: single.components,
    longest: function (q) { return q.choices.map(function (c) { return c.id; }); },
  };
})(Zhineng);
