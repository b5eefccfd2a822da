/* The short-text type's block half (quizzes/types/short_text.py): one text box; the response is the text typed. */
(function (T, C) {
  "use strict";

  T.short_text = {
    read: function (fs) { return C.typed(fs.querySelector("input.zhineng-text")); },
    write: function (fs, value) { fs.querySelector("input.zhineng-text").value = value; },
    answerText: function (fs, answer) { return String(answer); }
  };
}(window.ZhinengQuizTypes = window.ZhinengQuizTypes || {}, window.ZhinengCommon));
