/* The cloze type's runtime half (its Python half: quizzes/types/cloze.py): grading, ported line for line and
 * proven equal by tests/golden/grading/cases.yaml; the widget (the text with one box per gap); the saved-state
 * body; the SCORM fill-in record and, through it, the xAPI one.
 *
 * Response: one text per gap, in the gaps' order. State body: per gap <length b36>:<text cut to GAP_MAX>. */
// needs: question-types.js grader.js dom.js responses.js state.js
(function (Z) {
  "use strict";

  var h = Z.h;
  var GAP_MAX = 40; // quizzes/types/cloze.py GAP_MAX: the box's maxlength, and what the state keeps

  function grade(q, response) {
    if (!Array.isArray(response) || !response.every(function (x) { return typeof x === "string"; })) {
      throw new Z.ResponseError("expected a list of gap answers");
    }
    if (response.length !== q.gaps.length) {
      throw new Z.ResponseError("expected one answer per gap (" + q.gaps.length + ")");
    }
    var given = response.map(function (text, i) {
      if (Z.pyLen(text) > Z.MAX_TEXT_RESPONSE) {
        throw new Z.ResponseError("the answer to gap " + (i + 1) + " is longer than " + Z.MAX_TEXT_RESPONSE + " characters");
      }
      var norm = Z.normaliseText(text);
      if (!norm) throw new Z.ResponseError("gap " + (i + 1) + " is empty");
      return norm;
    });
    var wrong = q.gaps.filter(function (g, i) {
      return g.accepted.every(function (a) { return given[i] !== Z.normaliseText(a); });
    });
    var right = q.gaps.length - wrong.length;
    var feedback = [wrong.length ? q.feedback.incorrect : q.feedback.correct].concat(
      wrong.filter(function (g) { return g.feedback; }).map(function (g) { return g.feedback; }));
    if ((q.scoring || "partial") === "partial") return Z.gradeResult(q, right, q.gaps.length, feedback);
    return Z.gradeResult(q, wrong.length ? 0 : 1, 1, feedback);
  }

  function widget(q, t) {
    var boxes = [];
    var line = h("p", { "class": "cloze" }, q.parts.map(function (part) {
      if (part.text !== undefined) return h("span", { text: part.text });
      var input = h("input", { type: "text", "class": "gap", maxlength: GAP_MAX, autocomplete: "off", size: 8,
        "aria-label": t("gapLabel", { n: part.n }), "data-question-id": q.id, "data-action": "input", "data-choice-id": part.gap });
      boxes.push(input);
      return input;
    }));
    return {
      controls: [line],
      group: true,
      read: function () {
        var values = boxes.map(function (b) { return b.value; });
        var empty = values.findIndex(function (v) { return !v.trim(); });
        if (empty >= 0) {
          boxes[empty].focus();
          return { error: t("fillEveryGap") };
        }
        return { response: values };
      },
      restore: function (response) { boxes.forEach(function (b, i) { b.value = response[i] || ""; }); },
      feedback: function (result, response) {
        q.gaps.forEach(function (g, i) {
          var right = g.accepted.some(function (a) { return Z.normaliseText(a) === Z.normaliseText(response[i]); });
          boxes[i].classList.add(right ? "is-right" : "is-wrong");
          if (!right) boxes[i].setAttribute("aria-invalid", "true");
        });
        return true;
      },
      unmark: function () {
        boxes.forEach(function (b) {
          b.classList.remove("is-right", "is-wrong");
          b.removeAttribute("aria-invalid");
        });
      },
      // The text with each gap's first accepted answer in brackets.
      key: function () {
        var byId = {};
        q.gaps.forEach(function (g) { byId[g.id] = g.accepted[0]; });
        return h("p", { text: q.parts.map(function (part) {
          return part.text !== undefined ? part.text : "［" + byId[part.gap] + "］";
        }).join("") });
      },
    };
  }

  function encode(q, response) {
    return response.map(function (text) {
      var kept = Z.codec.cut(text, GAP_MAX);
      return kept.length.toString(36) + ":" + kept;
    }).join("");
  }

  // The response, or undefined when the body does not fit the (possibly changed) question.
  function decode(q, body) {
    var out = [];
    var at = 0;
    while (at < body.length) {
      var colon = body.indexOf(":", at);
      if (colon < 0) return undefined;
      var len = parseInt(body.slice(at, colon), 36);
      if (isNaN(len) || colon + 1 + len > body.length) return undefined;
      out.push(body.slice(colon + 1, colon + 1 + len));
      at = colon + 1 + len;
    }
    return out.length === q.gaps.length ? out : undefined;
  }

  // SCORM fill-in: 2004 takes one response per gap ("[,]"-separated, order matters, at most 250 characters
  // each) and up to patternsMax correct patterns, so pattern k gives each gap its k-th accepted answer (its
  // last when it has fewer); 1.2 takes one string of at most 255 characters for the whole answer.
  function interaction(v, q, response) {
    var each = v.patternsMax > 1 ? v.textMax["fill-in"] : null;
    function joined(list) {
      var text = list.map(function (s) { return Z.cleanText(s, each).split(v.list).join(" "); }).join(v.list);
      return each ? text : Z.cleanText(text, v.textMax["fill-in"]);
    }
    var most = Math.max.apply(null, q.gaps.map(function (g) { return g.accepted.length; }));
    var correct = [];
    for (var k = 0; k < Math.min(most, v.patternsMax); k++) {
      correct.push(joined(q.gaps.map(function (g) { return g.accepted[Math.min(k, g.accepted.length - 1)]; })));
    }
    return { type: "fill-in", learner: joined(response), correct: correct };
  }

  // The longest response a learner could send, for the saved-state budget proof (tests/test_budget.py).
  function longest(q) {
    return q.gaps.map(function () { return "長".repeat(Z.MAX_TEXT_RESPONSE); });
  }

  Z.QUESTION_TYPES.cloze = {
    // The words its widget shows, looked up before the player's own (i18n.js translator).
    strings: {
      "zh-TW": { fillEveryGap: "請填完每個空格。", gapLabel: "第 {n} 個空格" },
      en: { fillEveryGap: "Fill in every gap.", gapLabel: "Gap {n}" },
    },
    grade: grade, widget: widget, encode: encode, decode: decode, interaction: interaction, longest: longest,
  };
})(Zhineng);
