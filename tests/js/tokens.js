// Reads [{name, source, stripped}] as JSON on stdin; prints, per entry, the first place where the stripped text's
// tokens differ from the source's (or where either fails to parse as an ES2018 script), else nothing.
// tests/test_runtime_bundle.py feeds it every module and both assembled scripts: stripping may drop comments and
// whitespace only, and espree is the parser ESLint reads the same files with.
"use strict";
const espree = require("espree");

const OPTIONS = { ecmaVersion: 2018, sourceType: "script" };

function tokens(text) {
  return espree.tokenize(text, OPTIONS).map((t) => t.type + " " + t.value);
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const out = {};
  for (const { name, source, stripped } of JSON.parse(input)) {
    try {
      espree.parse(stripped, OPTIONS);
      if (source === null) continue; // an assembled script: it must parse, there is no single source to match
      const a = tokens(source);
      const b = tokens(stripped);
      const at = a.findIndex((t, i) => t !== b[i]);
      if (at >= 0 || a.length !== b.length) {
        const i = at >= 0 ? at : Math.min(a.length, b.length);
        out[name] = `token ${i}: ${JSON.stringify(a[i])} became ${JSON.stringify(b[i])}`;
      }
    } catch (err) {
      out[name] = String(err.message);
    }
  }
  process.stdout.write(JSON.stringify(out));
});
