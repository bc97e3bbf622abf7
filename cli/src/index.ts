#!/usr/bin/env node
import { main } from './main.js';

const code = await main(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
if (code !== undefined) process.exitCode = code;
