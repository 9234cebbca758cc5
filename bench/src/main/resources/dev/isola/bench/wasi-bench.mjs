// Runs a WASI command module on node's V8 (node:wasi) in the protocol of `bin/isola bench`:
//   node wasi-bench.mjs [--warmup W] [--runs R] MODULE.wasm [ARGS...]
// The module is compiled once; each of the W + R runs is a fresh instance with a fresh WASI. The program's
// output goes to this process's stdout unchanged; after each measured run, `STEADY_MS <ms>` goes to stderr.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { WASI } from 'node:wasi';

const argv = process.argv.slice(2);
let warmup = 2;
let runs = 5;
while (argv.length > 0 && argv[0].startsWith('--')) {
  const option = argv.shift();
  const value = Number.parseInt(argv.shift(), 10);
  if (option === '--warmup') warmup = value;
  else if (option === '--runs') runs = value;
  else throw new Error(`unknown option ${option}`);
}
const [path, ...args] = argv;
const module = new WebAssembly.Module(readFileSync(path));
const name = basename(path).replace(/\.wasm$/, '');
const times = [];
for (let i = 0; i < warmup + runs; i++) {
  const start = performance.now();
  // returnOnExit: proc_exit ends this run, not the whole process.
  const wasi = new WASI({ version: 'preview1', args: [name, ...args], env: {}, returnOnExit: true });
  const instance = new WebAssembly.Instance(module, wasi.getImportObject());
  const status = wasi.start(instance);
  const ms = performance.now() - start;
  if (status !== 0) {
    process.exitCode = status;
    break;
  }
  if (i >= warmup) {
    times.push(ms);
    process.stderr.write(`STEADY_MS ${ms.toFixed(3)}\n`);
  }
}
if (process.exitCode === undefined && times.length > 0) {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  process.stderr.write(`MEDIAN_MS ${median.toFixed(3)}\n`);
}
