// Reads {types: [{name, runtime, reader}], items: [{question, response}]} as JSON on stdin and prints what each
// question type's JavaScript halves provide, as JSON: tests/test_question_types.py holds them to the registry.
//   types: per type, what its runtime module registers (run alone into a fresh namespace) and what its block reader
//          registers in a page (window.ZhinengQuizTypes), with the functions each entry has, and the words its
//          runtime module brings for its widget (`strings`, {locale: {key: text}});
//   player: the SCO player's own words (i18n.js, i18n-en.js), {locale: {key: text}};
//   items: per question and response, the grade, both SCORM records, the xAPI definition and the saved-state
//          body read back.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { load, loader } = require("./runtime.js");

const READERS = path.join(__dirname, "../../xblocks/qtypes");

function functions(entry) {
  return Object.keys(entry || {}).filter((k) => typeof entry[k] === "function").sort();
}

function registered(table) {
  const out = {};
  for (const [name, entry] of Object.entries(table || {})) out[name] = functions(entry);
  return out;
}

function runtimeHalf(file) {
  const Z = loader().load(file);
  return registered(Z.QUESTION_TYPES);
}

// The words a type's runtime module registers for its widget ({locale: {key: text}}), and the player's own.
function runtimeStrings(file, name) {
  const entry = loader().load(file).QUESTION_TYPES[name];
  return entry && entry.strings ? entry.strings : null;
}

function blockHalf(file) {
  const window = { ZhinengCommon: {} };
  vm.runInNewContext(fs.readFileSync(path.join(READERS, file), "utf8"), { window }, { filename: file });
  return registered(window.ZhinengQuizTypes);
}

function describe({ question, response }) {
  const Z = load("grader.js", "state.js", "responses.js", "xapi-interactions.js");
  const unit = Z.QUESTION_TYPES[question.type];
  const item = { question, response };
  return {
    grade: Z.grade(question, response),
    scorm12: Z.interactionValues("scorm12", item, false),
    scorm2004: Z.interactionValues("scorm2004", item, false),
    xapi: Z.questionActivity("https://example.org/q", item, "zh-TW").activity.definition,
    decoded: unit.decode(question, unit.encode(question, response)),
  };
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const { types, items } = JSON.parse(input);
  const out = {
    types: types.map((t) => ({
      name: t.name, runtime: runtimeHalf(t.runtime), block: blockHalf(t.reader), strings: runtimeStrings(t.runtime, t.name),
    })),
    items: items.map(describe),
    player: load("i18n.js", "i18n-en.js").STRINGS,
  };
  process.stdout.write(JSON.stringify(out));
});
