#!/usr/bin/env node
import { Command } from "commander";
import { registerCommands } from "./cli/commands.js";
import { VERSION } from "./version.js";

const program = new Command()
  .name("k8helper")
  .description("A read-only Kubernetes assistant: ask about your cluster in English or Chinese.")
  .version(VERSION)
  .showHelpAfterError();

registerCommands(program);

await program.parseAsync(process.argv);
