/* The true/false type's block half (quizzes/types/true_false.py): two radio buttons; the response is a boolean. */
(function (T, C) {
  "use strict";

  T.true_false = {
    read: function (fs) {
      var input = fs.querySelector("input:checked");
      return input ? input.value === "true" : undefined;
    },
    write: function (fs, value) {
      C.all(fs, "input").forEach(function (input) { input.checked = input.value === String(value); });
    },
    answerText: function (fs, answer) { return C.labelText(fs, C.find(fs, "input", "value", String(answer))); }
  };
}(window.ZhinengQuizTypes = window.ZhinengQuizTypes || {}, window.ZhinengCommon));
