// The SCO runtime's modules under Node, run as the assembled script runs them in the browser: each after the
// modules its `// needs:` line names, all writing to one namespace (window.Zhineng there, NAMESPACE here).
// scorm_export/assemble.py reads the same lines; the files carry no Node-only code.
//
//   const { grade, encodeState } = load("grader.js", "state.js");
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const FOLDER = path.join(__dirname, "../../scorm_export/runtime");
const DECLARATION = /^\/\/ (needs|optional|later):(.*)$/gm;

/** {needs, optional, later, source, file} of one module, from its declaration lines. */
function declared(name, folder = FOLDER) {
  const file = path.join(folder, name);
  const source = fs.readFileSync(file, "utf8");
  const found = {};
  for (const [, kind, names] of source.matchAll(DECLARATION)) {
    if (!(kind in found)) found[kind] = names.split(/\s+/).filter(Boolean);
  }
  if (!found.needs) throw new Error(`${file}: no "// needs:" line`);
  return { needs: found.needs, optional: found.optional || [], later: found.later || [], source, file };
}

/** Every module of the runtime by file name. */
function modules(folder = FOLDER) {
  const out = {};
  for (const name of fs.readdirSync(folder).filter((n) => n.endsWith(".js")).sort()) out[name] = declared(name, folder);
  return out;
}

/** The modules `roots` bring in, each after what it needs (and after an optional module that is brought in too);
 *  the same walk as module_order in scorm_export/assemble.py, which tests/test_runtime_bundle.py compares. */
function order(roots, folder = FOLDER) {
  const mods = {};
  const get = (name) => (mods[name] = mods[name] || declared(name, folder));
  const shipped = new Set();
  const collect = (name) => {
    if (shipped.has(name)) return;
    shipped.add(name);
    get(name).needs.forEach(collect);
  };
  roots.forEach(collect);
  const out = [];
  const visit = (name, chain) => {
    if (out.includes(name)) return;
    if (chain.includes(name)) throw new Error(`modules need each other in a circle: ${[...chain, name].join(" -> ")}`);
    const mod = get(name);
    [...mod.needs, ...mod.optional.filter((o) => shipped.has(o))].forEach((dep) => visit(dep, [...chain, name]));
    out.push(name);
  };
  roots.forEach((root) => visit(root, []));
  return out;
}

/** A namespace and the modules run into it; a module runs once, after what it needs, and may not redefine a
 *  name another module set (in the browser the later one would silently win). */
function loader(folder = FOLDER) {
  const Z = {};
  const owner = {};
  const ran = new Set();
  function run(name) {
    const mod = declared(name, folder);
    const before = new Map(Object.entries(Z));
    vm.compileFunction(mod.source, ["Zhineng"], { filename: mod.file })(Z);
    for (const [key, value] of Object.entries(Z)) {
      if (!before.has(key)) owner[key] = name;
      else if (before.get(key) !== value) throw new Error(`${name} redefines Zhineng.${key}, set by ${owner[key]}`);
    }
    ran.add(name);
  }
  return {
    Z,
    owner,
    load(...names) {
      order(names, folder).filter((n) => !ran.has(n)).forEach(run);
      return Z;
    },
  };
}

const shared = loader();

/** The question types' modules (quizzes/types/ names each type's `runtime`; tests/test_runtime_bundle.py checks
 *  that they are exactly the qtype-*.js files): every channel ships them first, so every load runs them too. */
const TYPE_MODULES = Object.keys(modules()).filter((n) => n.startsWith("qtype-"));

/** The process's one namespace, with the question types, `names` and what they need run into it. */
function load(...names) {
  return shared.load(...TYPE_MODULES, ...names);
}

module.exports = { load, loader, order, modules, FOLDER, TYPE_MODULES };

// As a command: reads {channel: [root, ...]} on stdin, prints {channel: [module, ...]} in load order.
if (require.main === module) {
  let input = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => (input += chunk));
  process.stdin.on("end", () => {
    const out = {};
    for (const [channel, roots] of Object.entries(JSON.parse(input))) out[channel] = order(roots);
    process.stdout.write(JSON.stringify(out));
  });
}
