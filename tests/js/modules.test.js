"use strict";
// The runtime's `// needs:` lines are complete: a module reads from the namespace only what it defines itself or
// what the modules it declares (and theirs, and its optional ones) define. Read from the syntax tree, so a name
// read only inside a function that no test calls is checked too.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("fs");
const os = require("os");
const path = require("path");
const espree = require("espree");
const { loader, modules } = require("./runtime.js");

const ALL = modules();

// Names a module sets on Z (`Z.x = ...`, `Object.assign(Z, {x: ...})`) and names it reads (`Z.x` elsewhere).
function namesOf(source) {
  const ast = espree.parse(source, { ecmaVersion: 2018, sourceType: "script" });
  const sets = new Set();
  const reads = new Set();
  const isZ = (node) => node && node.type === "Identifier" && node.name === "Z";
  (function walk(node, parent) {
    if (!node || typeof node.type !== "string") return;
    if (node.type === "MemberExpression" && isZ(node.object) && !node.computed) {
      const assigned = parent && parent.type === "AssignmentExpression" && parent.left === node;
      (assigned ? sets : reads).add(node.property.name);
    }
    if (node.type === "CallExpression" && node.callee.type === "MemberExpression" &&
        node.callee.object.name === "Object" && node.callee.property.name === "assign" && isZ(node.arguments[0])) {
      node.arguments[1].properties.forEach((p) => sets.add(p.key.name));
    }
    for (const key of Object.keys(node)) {
      const child = node[key];
      if (Array.isArray(child)) child.forEach((c) => walk(c, node));
      else if (child && typeof child.type === "string") walk(child, node);
    }
  })(ast, null);
  return { sets, reads };
}

const NAMES = Object.fromEntries(Object.entries(ALL).map(([name, mod]) => [name, namesOf(mod.source)]));

function reachable(name, seen = new Set()) {
  if (seen.has(name)) return seen;
  seen.add(name);
  const mod = ALL[name];
  [...mod.needs, ...mod.optional, ...mod.later].forEach((dep) => reachable(dep, seen));
  return seen;
}

for (const name of Object.keys(ALL)) {
  test(`${name} declares every module it reads from`, () => {
    for (const dep of [...ALL[name].needs, ...ALL[name].optional, ...ALL[name].later]) assert.ok(ALL[dep], `${name} names ${dep}, which is not a module`);
    // The launch script's first line sets PARTS (scorm_export/assemble.py), for parts.js.
    const offered = new Set(["PARTS"]);
    for (const dep of reachable(name)) NAMES[dep].sets.forEach((n) => offered.add(n));
    const missing = [...NAMES[name].reads].filter((n) => !offered.has(n));
    assert.deepEqual(missing, [], `${name} reads Zhineng.${missing[0]} but no module it needs defines it`);
  });
}

test("a module asks Z.need for exactly the modules its `// later:` line names", () => {
  for (const [name, mod] of Object.entries(ALL)) {
    const asked = new Set((mod.source.match(/"[a-z0-9-]+\.js"/g) || []).map((s) => s.slice(1, -1)));
    for (const later of mod.later) assert.ok(asked.has(later), `${name} never asks for ${later}, which it reads later`);
    if (mod.later.length) assert.match(mod.source, /Z\.need\(/, `${name} reads modules later but never asks for them`);
  }
});

test("every module a test can load runs once, and no two define the same name", () => {
  const { load, owner } = loader();
  const browserOnly = Object.keys(ALL).filter((n) => /\}\)\(Zhineng, window\);\s*$/.test(ALL[n].source));
  load(...Object.keys(ALL).filter((n) => !browserOnly.includes(n)));
  assert.equal(owner.grade, "grader.js");
  assert.equal(owner.XapiAdapter, "xapi-adapter.js");
  assert.ok(browserOnly.includes("player.js"), "player.js reads the browser's window as it loads");
});

test("the loader refuses a module that redefines another's name, and modules that need each other", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zhineng-modules-"));
  const write = (name, needs, body) => fs.writeFileSync(path.join(dir, name), `// needs: ${needs}\n(function (Z) {\n${body}\n})(Zhineng);\n`);
  write("a.js", "", "Z.x = 1;");
  write("b.js", "a.js", "Z.x = 2;");
  write("c.js", "d.js", "");
  write("d.js", "c.js", "");
  assert.equal(loader(dir).load("a.js").x, 1);
  assert.throws(() => loader(dir).load("b.js"), { message: "b.js redefines Zhineng.x, set by a.js" });
  assert.throws(() => loader(dir).load("c.js"), { message: "modules need each other in a circle: c.js -> d.js -> c.js" });
  fs.rmSync(dir, { recursive: true });
});
