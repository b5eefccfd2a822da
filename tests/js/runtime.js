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
const DECLARATION = /^\/\/ (needs|optional):(.*)$/gm;

/** {needs, optional, source, file} of one module, from its declaration lines. */
function declared(name, folder = FOLDER) {
  const file = path.join(folder, name);
  const source = fs.readFileSync(file, "utf8");
  const found = {};
  for (const [, kind, names] of source.matchAll(DECLARATION)) {
    if (!(kind in found)) found[kind] = names.split(/\s+/).filter(Boolean);
  }
  if (!found.needs) throw new Error(`${file}: no "// needs:" line`);
  return { needs: found.needs, optional: found.optional || [], source, file };
}

/** Every module of the runtime by file name. */
function modules(folder = FOLDER) {
  const out = {};
  for (const name of fs.readdirSync(folder).filter((n) => n.endsWith(".js")).sort()) out[name] = declared(name, folder);
  return out;
}

/** A namespace and the modules run into it; a module runs once, after what it needs, and may not redefine a
 *  name another module set (in the browser the later one would silently win). */
function loader(folder = FOLDER) {
  const Z = {};
  const owner = {};
  const ran = new Set();
  function run(name, chain) {
    if (ran.has(name)) return;
    if (chain.includes(name)) throw new Error(`modules need each other in a circle: ${[...chain, name].join(" -> ")}`);
    const mod = declared(name, folder);
    mod.needs.forEach((dep) => run(dep, [...chain, name]));
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
      names.forEach((n) => run(n, []));
      return Z;
    },
  };
}

const shared = loader();

/** The process's one namespace, with `names` and what they need run into it. */
function load(...names) {
  return shared.load(...names);
}

module.exports = { load, loader, modules, FOLDER };
