#!/usr/bin/env node
// kubegate CLI entry: wiring only. Each subcommand lives in commands/<name>.ts
// and exports `run(args, io)` returning the process exit code.
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2));
