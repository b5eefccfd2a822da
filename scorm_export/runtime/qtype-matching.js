/* The matching type's runtime half (quizzes/types/matching.py): one select per premise. State body: per premise
 * its option's index + 1 (0: none), fixed width. */
// needs: question-types.js grader.js widgets.js state.js dom.js
(function (Z) {
  "use strict";

  var h = Z.h;

  function grade(q, response) {
    if (!Z.isPlainObject(response) || !Object.keys(response).every(function (k) { return typeof response[k] === "string"; })) {
      throw new Z.ResponseError("expected an object of premise id -> option id");
    }
    if (!Object.keys(response).length) throw new Z.ResponseError("match at least one premise");
    var premiseIds = new Set(q.premises.map(function (p) { return p.id; }));
    var optionIds = new Set(q.options.map(function (o) { return o.id; }));
    Object.keys(response).forEach(function (premise) {
      if (!premiseIds.has(premise)) throw new Z.ResponseError("unknown premise id '" + Z.cut40(premise) + "'");
      if (!optionIds.has(response[premise])) {
        throw new Z.ResponseError("unknown option id '" + Z.cut40(response[premise]) + "'");
      }
    });
    var has = Object.prototype.hasOwnProperty;
    var marks = q.premises.map(function (p) {  // unmatched: wrong
      return [p.id, has.call(response, p.id) && response[p.id] === q.answer[p.id]];
    });
    var right = marks.filter(function (m) { return m[1]; }).length;
    var total = q.premises.length;
    var allRight = right === total;
    var feedback = [allRight ? q.feedback.correct : q.feedback.incorrect];
    if (q.scoring === "partial") return Z.gradeResult(q, right, total, feedback, marks);
    return Z.gradeResult(q, allRight ? 1 : 0, 1, feedback, marks);
  }

  // The options as shown (matching.py `public` shows the blocks the same): the display shuffle (widgets.js),
  // never in the key's order, each premise's option in turn and then the others.
  function shown(q) {
    var keyed = q.premises.map(function (p) { return q.answer[p.id] || ""; });
    q.options.forEach(function (o) { if (keyed.indexOf(o.id) < 0) keyed.push(o.id); });
    return Z.shuffled(q.options, q.id, keyed);
  }

  function widget(q, t) {
    var options = shown(q);
    var rows = q.premises.map(function (p) {
      var id = Z.uid("m");
      var select = h("select", Object.assign({ id: id }, Z.widgetHooks(q, "match", p.id)),
        [h("option", { value: "", text: t("choose") })].concat(options.map(function (o) {
          return h("option", { value: o.id, text: o.text });
        })));
      var label = h("label", { "for": id, text: p.text });
      return { premise: p, select: select, label: label, el: h("div", { "class": "match" }, [label, select]) };
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
      mark: function (result) {
        var wrong = [];
        rows.forEach(function (r) {
          var right = result.marks[r.premise.id] === true;
          if (!right) wrong.push(r.premise.text);
          Z.partMark(r.label, right, t, ["pairRight", "pairWrong"]); // in the label: the select is named with its mark
        });
        return wrong.length ? t("pairsWrongList", { items: wrong.join("、") }) : null;
      },
      unmark: function () { rows.forEach(function (r) { Z.unmark(r.label); }); },
      key: function () {
        return h("ul", { "class": "key-pairs" }, q.premises.map(function (p) {
          var option = q.options.filter(function (o) { return o.id === q.answer[p.id]; })[0];
          return h("li", { text: p.text + " → " + option.text });
        }));
      },
    };
  }

  function encode(q, response) {
    var c = Z.codec;
    var w = c.width(q.options.length);
    return q.premises.map(function (p) {
      var k = q.options.findIndex(function (o) { return o.id === response[p.id]; });
      return c.pad(c.b36(k + 1), w);
    }).join("");
  }

  function decode(q, body) {
    var w = Z.codec.width(q.options.length);
    if (body.length !== w * q.premises.length) return undefined;
    var out = {};
    for (var i = 0; i < q.premises.length; i++) {
      var k = parseInt(body.slice(i * w, i * w + w), 36);
      if (k > q.options.length || isNaN(k)) return undefined;
      if (k > 0) out[q.premises[i].id] = q.options[k - 1].id;
    }
    return out;
  }

  function interaction(v, q, response) {
    return {
      type: "matching",
      learner: q.premises.filter(function (p) { return response[p.id]; })
        .map(function (p) { return p.id + v.pair + response[p.id]; }).join(v.list),
      correct: [q.premises.map(function (p) { return p.id + v.pair + q.answer[p.id]; }).join(v.list)],
    };
  }

  Z.QUESTION_TYPES.matching = {
    // The words its widget shows, looked up before the player's own (i18n.js translator).
    strings: {
      "zh-TW": { choose: "請選擇", matchSome: "請至少配對一項。", pairRight: "（配對正確）", pairWrong: "（配對不對）", pairsWrongList: "配對不對的項目：{items}" },
      en: { choose: "Choose", matchSome: "Match at least one item.", pairRight: "(matched right)", pairWrong: "(not matched right)", pairsWrongList: "Not matched right: {items}" },
    },
    grade: grade,
    widget: widget,
    shown: shown,
    encode: encode,
    decode: decode,
    interaction: interaction,
    components: function (q, component) { return { source: q.premises.map(component), target: q.options.map(component) }; },
    longest: function (q) {
      return Object.fromEntries(q.premises.map(function (p) { return [p.id, q.options[q.options.length - 1].id]; }));
    },
  };
})(Zhineng);
