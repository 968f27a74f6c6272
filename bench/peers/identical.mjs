// Check that a build of the project's engine gives the same search results as a baseline build
// (e.g. after a change meant to make indexing faster, not different).
//   node bench/peers/identical.mjs BASELINE_TX_BENCH_PEERS [NEW (default build/tx_bench_peers)]
//       [--corpora demo,100x,lexicap] [--keep DIR]   (DIR: keep the inputs, queries and dumps)
// e.g. cp build/tx_bench_peers /tmp/base-peers before the change, rebuild, then run this.
// Every corpus of the peer benchmark (corpora.mjs) is built by each binary the way the benchmark
// builds it (tx_engine.cpp's txb_build), and then queried with the benchmark's 27 queries plus
// ~600 drawn from the corpus with a fixed seed: words (by occurrence and by distinct word), prefixes,
// phrases, misspellings, AND, OR and NOT. `--dump` prints every query's counts, per-episode
// summary, match list (hashed) and top 20 hits with scores and snippets; the two dumps must be
// byte-identical. Prints one line per corpus; exit status 1 when any differs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { corpus, QUERIES, txInput, mulberry32 } from './corpora.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const pos = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const BASE = pos[0], NEW = pos[1] || path.join(ROOT, 'build/tx_bench_peers');
if (!BASE) { console.error('usage: node bench/peers/identical.mjs BASELINE [NEW] [--corpora ...] [--keep DIR]'); process.exit(2); }
for (const b of [BASE, NEW]) if (!fs.existsSync(b)) { console.error(`identical: ${b} does not exist`); process.exit(2); }

// The queries: the benchmark's, then a fixed-seed sample of this corpus.
function queriesFor(C) {
  const rnd = mulberry32(9), pick = (a) => a[Math.floor(rnd() * a.length)];
  const clean = (w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  const words = [];
  for (const p of C.passages) for (const w of p.split(/\s+/)) { const c = clean(w); if (c) words.push(c); }
  const distinct = [...new Set(words.map((w) => w.toLowerCase()))].sort();
  const q = QUERIES.map((Q) => Q.q);
  for (let k = 0; k < 200; ++k) q.push(pick(words));     // by occurrence: mostly frequent words
  for (let k = 0; k < 100; ++k) q.push(pick(distinct));  // by distinct word: mostly rare ones
  for (let k = 0; k < 60; ++k) { const w = pick(distinct); q.push(w.slice(0, 2 + Math.floor(rnd() * 4)) + '*'); }
  for (let k = 0; k < 60; ++k) {  // 2-4 consecutive words of a passage
    const t = pick(C.passages).split(/\s+/), n = 2 + Math.floor(rnd() * 3), at = Math.floor(rnd() * Math.max(1, t.length - n));
    q.push('"' + t.slice(at, at + n).map(clean).filter(Boolean).join(' ') + '"');
  }
  const long = distinct.filter((w) => w.length >= 5);
  for (let k = 0; k < 60; ++k) {  // misspellings: two neighbours swapped, or a letter dropped
    const w = pick(long), i = 1 + Math.floor(rnd() * (w.length - 2));
    q.push(k % 2 ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w.slice(0, i) + w.slice(i + 1));
  }
  for (let k = 0; k < 40; ++k) { const t = pick(C.passages).split(/\s+/).map(clean).filter(Boolean); q.push(pick(t) + ' ' + pick(t)); }
  for (let k = 0; k < 30; ++k) q.push(pick(words) + ' OR ' + pick(distinct));
  for (let k = 0; k < 30; ++k) q.push(pick(words) + ' -' + pick(words));
  return q.filter((x) => x && !x.includes('\n'));
}

const dir = opt('--keep') || fs.mkdtempSync(path.join(os.tmpdir(), 'tx-identical-'));
fs.mkdirSync(dir, { recursive: true });
let fail = false;
try {
  for (const name of opt('--corpora', 'demo,100x,lexicap').split(',')) {
    const C = corpus(name);
    if (!C) { console.log(`skip    ${name}: not present`); continue; }
    const input = path.join(dir, name + '.txt'), qfile = path.join(dir, name + '.queries.txt');
    fs.writeFileSync(input, txInput(C.passages, C.eps));
    const qs = queriesFor(C);
    fs.writeFileSync(qfile, qs.join('\n') + '\n');
    const dump = (bin, who) => {
      const out = execFileSync(bin, [input, qfile, '--dump'], { encoding: 'utf8', maxBuffer: 1 << 30 });
      fs.writeFileSync(path.join(dir, `${name}.${who}.dump`), out);
      return out;
    };
    const a = dump(BASE, 'base'), b = dump(NEW, 'new');
    if (a === b) {
      console.log(`same    ${name}: ${qs.length} queries, ${a.length} bytes of results (${a.split('\n')[0]})`);
    } else {
      fail = true;
      const la = a.split('\n'), lb = b.split('\n');
      let i = 0;
      while (i < la.length && la[i] === lb[i]) ++i;
      let q = i;
      while (q > 0 && !la[q].startsWith('Q ')) --q;
      const cut = (l) => (l && l.length > 300 ? l.slice(0, 300) + ' ...' : l);
      console.log(`DIFFERS ${name}: first at line ${i + 1}, in "${cut(la[q])}"\n  base: ${cut(la[i])}\n  new:  ${cut(lb[i])}`);
    }
  }
} finally {
  if (!opt('--keep')) fs.rmSync(dir, { recursive: true, force: true });
}
console.log(fail ? 'identical: RESULTS DIFFER' : 'identical: all results identical');
process.exit(fail ? 1 : 0);
