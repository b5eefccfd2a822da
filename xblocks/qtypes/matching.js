/* The matching type's block half (quizzes/types/matching.py): a list box of options per premise; the response maps
 * each premise id to its option id, and is complete only when every premise has one. */
(function (T, C) {
  "use strict";

  function selects(fs) { return C.all(fs, "select[data-premise]"); }

  T.matching = {
    read: function (fs) {
      var out = {}, complete = true;
      selects(fs).forEach(function (s) {
        if (s.value) { out[s.getAttribute("data-premise")] = s.value; } else { complete = false; }
      });
      return complete ? out : undefined;
    },
    write: function (fs, pairs) {
      selects(fs).forEach(function (s) { s.value = pairs[s.getAttribute("data-premise")] || ""; });
    },
    answerText: function (fs, answer) {
      return Object.keys(answer).map(function (premise) {
        var select = C.find(fs, "select", "data-premise", premise);
        var option = select && C.find(select, "option", "value", answer[premise]);
        return (C.labelText(fs, select) || premise) + " → " + (option ? option.textContent : answer[premise]);
      }).join("；");
    },
    // marks: premise id -> matched right (the grader's Result.marks); returns the summary naming the wrong ones.
    mark: function (fs, marks, t) {
      var wrong = [];
      selects(fs).forEach(function (s) {
        var right = marks[s.getAttribute("data-premise")] === true;
        if (!right) { wrong.push(C.labelText(fs, s)); }
        C.partMark(s.parentNode, right, right ? t.pair_right : t.pair_wrong);
      });
      return wrong.length ? t.pairs_wrong.replace("{items}", wrong.join("、")) : "";
    },
    unmark: function (fs) { selects(fs).forEach(function (s) { C.unmark(s.parentNode); }); }
  };
}(window.ZhinengQuizTypes = window.ZhinengQuizTypes || {}, window.ZhinengCommon));
