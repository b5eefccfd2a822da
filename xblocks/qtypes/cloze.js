/* The cloze type's block half (quizzes/types/cloze.py): a text box in each gap; the response is one text per gap,
 * in the gaps' order, and is complete only when no gap is blank. */
(function (T, C) {
  "use strict";

  function gaps(fs) { return C.all(fs, "input.zhineng-gap"); }

  T.cloze = {
    read: function (fs) {
      var texts = gaps(fs).map(function (input) { return input.value; });
      return texts.every(function (v) { return v.trim(); }) ? texts : undefined;
    },
    write: function (fs, texts) {
      gaps(fs).forEach(function (input, i) { input.value = texts[i] || ""; });
    },
    answerText: function (fs, answer) { return answer.join("；"); }
  };
}(window.ZhinengQuizTypes = window.ZhinengQuizTypes || {}, window.ZhinengCommon));
