// Prints the statuses' words the SCO shows (runtime/i18n.js and i18n-en.js, statusOf) per language, for tests/test_status.py.
"use strict";
const { load } = require("./runtime.js");
const { STRINGS } = load("i18n.js", "i18n-en.js");

process.stdout.write(JSON.stringify(Object.fromEntries(Object.keys(STRINGS).map((lang) => [lang, STRINGS[lang].statusOf]))));
