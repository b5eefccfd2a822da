/* The choice types' block half (quizzes/types/single_choice.py, multiple_response.py): a radio button or a check
 * box per choice; the response is the chosen id, or the list of them. */
(function (T, C) {
  "use strict";

  function checked(fs) {
    return C.all(fs, "input:checked").map(function (input) { return input.value; });
  }

  function check(fs, ids) {
    C.all(fs, "input").forEach(function (input) { input.checked = ids.indexOf(input.value) >= 0; });
  }

  function choiceTexts(fs, ids) {
    return ids.map(function (id) { return C.labelText(fs, C.find(fs, "input", "value", id)) || String(id); }).join("；");
  }

  T.single_choice = {
    read: function (fs) { var ids = checked(fs); return ids.length ? ids[0] : undefined; },
    write: function (fs, id) { check(fs, [id]); },
    answerText: choiceTexts
  };
  T.multiple_response = {
    read: function (fs) { var ids = checked(fs); return ids.length ? ids : undefined; },
    write: check,
    answerText: choiceTexts
  };
}(window.ZhinengQuizTypes = window.ZhinengQuizTypes || {}, window.ZhinengCommon));
