// stdin: {"keys": [...], "values": {...}}; stdout: {locale: {key: text}} for every locale of runtime/i18n.js, as
// the SCO's translator gives them (a key without a string comes back as itself).
"use strict";
const { load } = require("./runtime.js");
const { STRINGS, translator } = load("i18n.js", "i18n-en.js");

const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = {};
for (const locale of Object.keys(STRINGS)) {
  const t = translator(locale);
  out[locale] = Object.fromEntries(input.keys.map((k) => [k, t(k, input.values)]));
}
process.stdout.write(JSON.stringify(out));
