// Same-process A/B of WASM builds of the project's engine on the peer benchmark's corpus and
// queries, in the conditions bench/peers/run.mjs measures it in: every query warmed up (30 runs),
// then per rep every query once per build (the order rotating), with other memory written before
// each timed search. In run.mjs the peers' searches run between the engine's and leave its index
// out of the caches: a query measured back to back runs 2-4x faster than there (sunglasses at
// 100x: 20 us back to back, 74 us after 8 MB written, 53-96 us in run.mjs), so a change that only
// helps a warm cache looks better than it is, and one that touches less memory looks worse.
//   node bench/peers/ab.mjs OLD.js NEW.js [MORE.js ...] [--reps 15] [--evict-mb 8] [--corpus 100x]
// (each .js an Emscripten build of tx_bench_peers, its .wasm beside it; cmake --build build-web
// --target tx_bench_peers, copied away between the builds compared)
// Prints per query: matched passages and the p50 in us per build, then p50 / p95 over all queries.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { corpus, QUERIES, txInput } from './corpora.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const builds = args.filter((a, i) => a.endsWith('.js') && !(i > 0 && args[i - 1].startsWith('--')));
if (builds.length < 1) { console.error('usage: node bench/peers/ab.mjs OLD.js NEW.js [--reps N] [--evict-mb MB] [--corpus NAME]'); process.exit(2); }
const REPS = Number(opt('--reps', 15)), EVICT_MB = Number(opt('--evict-mb', 8));
const C = corpus(opt('--corpus', '100x'));
if (!C) { console.error('ab: corpus not present'); process.exit(2); }
const input = Buffer.from(txInput(C.passages, C.eps), 'utf8');

const engines = [];
for (const js of builds) {
  const M = await require(fs.realpathSync(js))({ wasmBinary: fs.readFileSync(js.replace(/\.js$/, '.wasm')) });
  const p = M._malloc(input.length);
  M.HEAPU8.set(input, p);
  const n = M._txb_build(p, input.length);
  M._free(p);
  if (n !== C.passages.length) throw new Error(`${js} indexed ${n} of ${C.passages.length} passages`);
  engines.push(M);
}
const search = (M, q) => M.ccall('txb_search', 'number', ['string'], [q]);
const other = new Float64Array(EVICT_MB * 131072);  // 8 bytes each; one write per 64-byte line
const evict = () => { for (let i = 0; i < other.length; i += 8) other[i] += 1; };

const counts = engines.map((M) => QUERIES.map((Q) => search(M, Q.q)));
for (const M of engines) for (const Q of QUERIES) for (let w = 1; w < 30; ++w) search(M, Q.q);
const lat = engines.map(() => QUERIES.map(() => []));
for (let r = 0; r < REPS; ++r)
  for (let qi = 0; qi < QUERIES.length; ++qi)
    for (let k = 0; k < engines.length; ++k) {
      const e = (k + r + qi) % engines.length;
      evict();
      const t0 = process.hrtime.bigint();
      search(engines[e], QUERIES[qi].q);
      lat[e][qi].push(Number(process.hrtime.bigint() - t0) / 1000);
    }
const pct = (v, p) => { const s = [...v].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.round(p * (s.length - 1)))]; };
console.log(`${C.name}: ${C.passages.length} passages, ${REPS} reps, ${EVICT_MB} MB written before each search; p50 us per build:`);
console.log(''.padEnd(20), builds.map((b) => b.split('/').pop().padStart(16)).join(''));
QUERIES.forEach((Q, qi) => {
  const same = counts.every((c) => c[qi] === counts[0][qi]);
  console.log(Q.q.padEnd(20), engines.map((_, e) => pct(lat[e][qi], 0.5).toFixed(1).padStart(16)).join(''),
    `  ${counts[0][qi]} passages${same ? '' : ' (COUNTS DIFFER: ' + counts.map((c) => c[qi]).join(' / ') + ')'}`);
});
console.log('p50 / p95'.padEnd(20), engines.map((_, e) => `${pct(lat[e].flat(), 0.5).toFixed(0)} / ${pct(lat[e].flat(), 0.95).toFixed(0)}`.padStart(16)).join(''));
