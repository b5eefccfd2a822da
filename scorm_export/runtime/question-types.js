/* The question types that bring their own runtime module (quizzes/types/, `runtime`): each such module adds
 * itself here as {grade, widget, encode, decode, interaction, components}, and grader.js, widgets.js, state.js,
 * responses.js and xapi-interactions.js look a type up here before their own tables. */
// needs:
(function (Z) {
  "use strict";

  Z.QUESTION_TYPES = {};
})(Zhineng);
