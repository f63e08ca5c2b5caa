#!/usr/bin/env node
// Runs the Prism CLI (the arguments are Prism's) as a child process and stops it when whoever started this
// script goes away: when this script's standard input closes (the test host closes it on dispose, and the
// operating system closes it when the test host dies, however it dies), when this script is reparented, or on
// SIGTERM/SIGINT/SIGHUP. So a crashed or killed test run leaves no Prism behind.
'use strict';

const { spawn } = require('child_process');

const cli = require.resolve('@stoplight/prism-cli/dist/index.js');
const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], { stdio: ['ignore', 'inherit', 'inherit'] });
process.stderr.write(`run-prism: Prism runs as process ${child.pid}\n`);

let stopping = false;
function stop(reason) {
  if (stopping) {
    return;
  }

  stopping = true;
  process.stderr.write(`run-prism: stopping Prism (${reason})\n`);
  child.kill('SIGTERM');
  // Prism closes its server on SIGTERM; if it does not within two seconds, it is killed.
  setTimeout(() => child.kill('SIGKILL'), 2000).unref();
}

child.on('exit', (code, signal) => {
  if (!stopping) {
    process.stderr.write(`run-prism: Prism exited on its own (code ${code}, signal ${signal})\n`);
  }

  process.exit(stopping ? 0 : code ?? 1);
});

child.on('error', error => {
  process.stderr.write(`run-prism: could not start Prism: ${error.message}\n`);
  process.exit(1);
});

process.stdin.on('end', () => stop('standard input closed'));
process.stdin.on('close', () => stop('standard input closed'));
process.stdin.on('error', () => stop('standard input failed'));
process.stdin.resume();

for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) {
  process.on(signal, () => stop(signal));
}

// A parent that died without closing our standard input (it was inherited elsewhere) still leaves us reparented.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) {
    stop('parent process ' + parent + ' exited');
  }
}, 500).unref();
