/* The numeric type's block half (quizzes/types/numeric.py): one text box (decimal keyboard) and the unit after it;
 * the response is the text typed, which the server reads as a number. */
(function (T, C) {
  "use strict";

  T.numeric = {
    read: function (fs) { return C.typed(fs.querySelector("input.zhineng-text")); },
    write: function (fs, value) { fs.querySelector("input.zhineng-text").value = String(value); },
    answerText: function (fs, answer) {
      var unit = fs.querySelector(".zhineng-unit");
      return String(answer) + (unit ? " " + unit.textContent : "");
    }
  };
}(window.ZhinengQuizTypes = window.ZhinengQuizTypes || {}, window.ZhinengCommon));
