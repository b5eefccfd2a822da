/* A question's xAPI interaction definition (xAPI 1.0.3, "Interaction Activities"), so that any xAPI report
 * can read an answer: interactionType, the components a response names (choices; source and target),
 * correctResponsesPattern and the prompt as description. xAPI took its response formats from SCORM 2004
 * ("[,]" lists, "[.]" pairs, "[:]" ranges), so the patterns come from responses.js, the one home of the
 * per-type formats; this file adds only the components, per question type. */
// needs: responses.js
(function (Z) {
  "use strict";

  var INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction";
  var DESCRIPTION_MAX = 500; // the prompt is a label here, not the lesson: statements stay small

  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", "#39": "'", nbsp: " " };

  // The payload holds prompts as HTML; an xAPI description is plain text.
  function plainText(html) {
    var text = String(html || "").replace(/<[^>]*>/g, " ").replace(/&(amp|lt|gt|quot|#39|nbsp);/g, function (all, name) {
      return ENTITIES[name];
    });
    text = text.replace(/\s+/g, " ").trim();
    return text.length > DESCRIPTION_MAX ? text.slice(0, DESCRIPTION_MAX - 1) + "…" : text;
  }

  function langMap(language, text) {
    var map = {};
    map[language] = text;
    return map;
  }

  function components(list, language) {
    return list.map(function (c) { return { id: c.id, description: langMap(language, plainText(c.text)) }; });
  }

  // Per question type, the components of its definition (xAPI: choice and sequencing list "choices",
  // matching lists "source" and "target"; true-false, numeric and fill-in have none).
  var COMPONENTS = {
    single_choice: function (q, l) { return { choices: components(q.choices, l) }; },
    multiple_response: function (q, l) { return { choices: components(q.choices, l) }; },
    ordering: function (q, l) { return { choices: components(q.items, l) }; },
    matching: function (q, l) { return { source: components(q.premises, l), target: components(q.options, l) }; },
  };

  /** item: the adapter's interaction item ({question, response, value, ...}); language: the module's. */
  function questionActivity(id, item, language) {
    var q = item.question;
    var values = Z.interactionValues("scorm2004", item, false);
    var definition = {
      type: INTERACTION,
      name: langMap(language, q.id),
      description: langMap(language, plainText(q.prompt_html)),
      interactionType: values.type,
    };
    var correct = values.correct.filter(function (p) { return p !== null; });
    if (correct.length) definition.correctResponsesPattern = correct;
    var parts = COMPONENTS[q.type] ? COMPONENTS[q.type](q, language) : {};
    Object.keys(parts).forEach(function (k) { definition[k] = parts[k]; });
    return { activity: { objectType: "Activity", id: id, definition: definition }, response: values.learner };
  }

  /** A reflection: free text, no correct answer. */
  function reflectionActivity(id, reflection, language) {
    return { objectType: "Activity", id: id, definition: {
      type: INTERACTION,
      name: langMap(language, reflection.id),
      description: langMap(language, plainText(reflection.prompt_html)),
      interactionType: "long-fill-in",
    } };
  }

  Object.assign(Z, { questionActivity: questionActivity, reflectionActivity: reflectionActivity, plainText: plainText });
})(Zhineng);
