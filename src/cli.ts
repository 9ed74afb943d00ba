#!/usr/bin/env node
// Only the version check is imported statically: on an old Node the program's own imports would crash first.
import { nodeVersionProblem } from "./cli/node-version.js";

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  process.stderr.write(`${problem}\n`);
  process.exit(1);
}
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  // The one answer scripts ask for most needs no command parser.
  const { VERSION } = await import("./version.js");
  process.stdout.write(`${VERSION}\n`);
} else {
  const { runProgram } = await import("./cli/program.js");
  await runProgram(process.argv);
}
