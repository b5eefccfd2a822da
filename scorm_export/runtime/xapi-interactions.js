/* A question's xAPI interaction definition (xAPI 1.0.3, "Interaction Activities"), so that any xAPI report
 * can read an answer: interactionType, the components a response names (choices; source and target),
 * correctResponsesPattern and the prompt as description. xAPI took its response formats from SCORM 2004
 * ("[,]" lists, "[.]" pairs, "[:]" ranges), so the patterns come from the 2004 record (responses.js and the
 * type's module, qtype-*.js, which also names the components). */
// needs: question-types.js responses.js
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

  function component(c, language) {
    return { id: c.id, description: langMap(language, plainText(c.text)) };
  }

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
    // xAPI: choice and sequencing list "choices", matching "source" and "target"; the others have none.
    var unit = Z.QUESTION_TYPES[q.type];
    var parts = unit.components ? unit.components(q, function (c) { return component(c, language); }) : {};
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

  Object.assign(Z, { questionActivity: questionActivity, reflectionActivity: reflectionActivity, plainText: plainText, langMap: langMap });
})(Zhineng);
