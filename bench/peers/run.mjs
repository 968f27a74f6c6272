// Peer benchmark: the project's engine (WASM under node, native for reference) vs FlexSearch,
// MiniSearch, lunr and Pagefind on the same passages and queries, in one node process.
//
//   node --expose-gc --max-old-space-size=16000 bench/peers/run.mjs [--reps N] [--warm-runs N] [--warm-ms MS]
//       [--corpora demo,100x,lexicap] [--no-page]
//       [--engines 'tx (wasm)',flexsearch\ default]  (a subset: prints latencies, writes nothing)
//   (bench/run-all.sh builds the targets and runs this)
//   node --expose-gc bench/peers/run.mjs --build-only [--build-reps N] [--corpora demo,100x]
//       [--wasm OLD.js,NEW.js] [--native OLD,NEW]   the project's engine's build time alone (below; '' = none)
//
// Corpora (corpora.mjs; all cut into 60-word passages; every engine indexes the same passages, one document each):
//   demo     assets/lex-fridman-383-mark-zuckerberg.txt
//   100x     100 copies of the demo, each shuffled in 8-word chunks with a fixed seed (~2.96 M words)
//   lexicap  ../shared/data/lexicap/*.vtt, cue text extracted here (skipped when absent)
// Correctness: every engine's passage count per query vs a brute-force scan of the passages
// (oracle() below, written independently of every engine).
// Memory: peers = V8 heap delta around the build (gc() before and after, --expose-gc);
// the project's engine = InvertedIndex::memory_bytes() in WASM linear memory (plus the wasm heap
// growth, which also holds the passages' text and word tables the engine keeps for snippets).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { corpus as loadCorpus, QUERIES, PASSAGE_WORDS, txInput } from './corpora.mjs';

const require = createRequire(import.meta.url);
const version = (pkg) => JSON.parse(fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), 'node_modules', pkg, 'package.json'), 'utf8')).version;
const HERE = path.dirname(new URL(import.meta.url).pathname);
const ROOT = path.resolve(HERE, '../..');
const args = process.argv.slice(2);
const opt = (name, def) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : def; };
const REPS = Number(opt('--reps', 15));
const WARM_RUNS = Number(opt('--warm-runs', 30)), WARM_MS = Number(opt('--warm-ms', 300));
const CORPORA = opt('--corpora', 'demo,100x,lexicap').split(',');
const WASM_JS = opt('--wasm', path.join(ROOT, 'build-web/tx_bench_peers.js'));
const NATIVE = opt('--native', path.join(ROOT, 'build/tx_bench_peers'));
const LEXICAP = opt('--lexicap', path.join(ROOT, '../shared/data/lexicap'));
const OUT_DIR = path.join(ROOT, 'bench/results');
if (typeof global.gc !== 'function') { console.error('run with node --expose-gc'); process.exit(2); }

// ---------------------------------------------------------------- the oracle (corpora and queries: corpora.mjs)

// The oracle's tokenizer: lower case, accents stripped, apostrophes deleted, split on anything
// that is not a letter or digit.
function tokens(s) {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/['\u2019\u02bc]/g, '')
    .split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}
// Exact answer: passages that contain the words (all of them), the phrase (consecutive),
// a word with the prefix, the intended spelling of a misspelt word, etc.
function oracle(toks, Q) {
  const has = (t, w) => t.includes(w);
  let n = 0;
  for (const t of toks) {
    let ok;
    switch (Q.kind) {
      case 'phrase': {
        ok = false;
        for (let i = 0; i + Q.terms.length <= t.length && !ok; ++i) ok = Q.terms.every((w, k) => t[i + k] === w);
        break;
      }
      case 'prefix': ok = t.some((w) => w.startsWith(Q.terms[0])); break;
      case 'typo': ok = Q.intended.every((w) => has(t, w)); break;
      case 'not': ok = Q.terms.every((w) => has(t, w)) && !Q.neg.some((w) => has(t, w)); break;
      case 'or': ok = Q.terms.some((w) => has(t, w)); break;
      default: ok = Q.terms.every((w) => has(t, w));
    }
    n += ok ? 1 : 0;
  }
  return n;
}

// Phrases in continuous text: the project's engine indexes an episode as one token stream, so a
// phrase that starts at the end of one passage and ends in the next one of the same episode is a
// match (counted in the passage where it starts). The peers index passages as separate
// documents and cannot see it. This second oracle counts phrases that way; both are reported.
function oraclePhraseAcross(toks, eps, Q) {
  let n = 0, i = 0;
  for (const k of eps) {
    for (let p = i; p < i + k; ++p) {
      const t = p + 1 < i + k ? toks[p].concat(toks[p + 1].slice(0, Q.terms.length - 1)) : toks[p];
      let ok = false;
      for (let j = 0; j < toks[p].length && !ok; ++j) ok = Q.terms.every((w, m) => t[j + m] === w);
      n += ok ? 1 : 0;
    }
    i += k;
  }
  return n;
}

// The oracle checked on passages whose answers are known by hand (runs on every start).
(function oracleSelfCheck() {
  const P = ['Mark Zuckerberg said open', 'source code is open-source', "the future of AI's"];
  const T = P.map(tokens), eps = [3];
  const cases = [
    [{ kind: 'phrase', terms: ['open', 'source'] }, 1, 2],
    [{ kind: 'and', terms: ['open', 'source'] }, 1],
    [{ kind: 'prefix', terms: ['zuck'] }, 1],
    [{ kind: 'typo', terms: ['zuckerburg'], intended: ['zuckerberg'] }, 1],
    [{ kind: 'not', terms: ['open'], neg: ['code'] }, 1],
    [{ kind: 'or', terms: ['said', 'future'] }, 2],
    [{ kind: 'word', terms: ['ais'] }, 1],
    [{ kind: 'word', terms: ['ai'] }, 0],
  ];
  for (const [Q, want, wantAcross] of cases) {
    const got = oracle(T, Q);
    if (got !== want) throw new Error(`oracle self-check: ${JSON.stringify(Q)} gave ${got}, expected ${want}`);
    if (wantAcross !== undefined && oraclePhraseAcross(T, eps, Q) !== wantAcross)
      throw new Error(`oracle self-check (across passages): ${JSON.stringify(Q)}`);
  }
})();

// ---------------------------------------------------------------- engines
const FlexSearch = require('flexsearch');
const MiniSearch = require('minisearch');
const lunr = require('lunr');
const union = (...lists) => new Set(lists.flat()).size;
const minus = (a, b) => { const s = new Set(b); return a.filter((x) => !s.has(x)).length; };

function flexEngine(preset, label) {
  let idx = null, limit = 0;
  const s = (t) => idx.search(t, { limit });
  return {
    name: label,
    notes: `FlexSearch ${version('flexsearch')} Index preset "${preset}"; phrases as AND of words; -x and OR done as two searches and a set difference/union`,
    build(passages) {
      idx = new FlexSearch.Index({ preset });
      limit = passages.length;
      for (let i = 0; i < passages.length; ++i) idx.add(i, passages[i]);
    },
    search(Q) {
      if (Q.kind === 'not') return minus(s(Q.terms.join(' ')), s(Q.neg.join(' ')));
      if (Q.kind === 'or') return union(...Q.terms.map(s));
      return s(Q.terms.join(' ')).length;
    },
    drop() { idx = null; },
  };
}
function miniEngine() {
  let ms = null;
  const fuzzy = (term) => (term.length >= 5 ? 1 : false);  // as the project: typos for words of >= 5 letters
  return {
    name: 'minisearch',
    notes: `MiniSearch ${version('minisearch')}, AND, fuzzy 1 edit for words of >= 5 letters (not for phrases), prefix only for x*; phrases as AND of words; -x as AND_NOT`,
    build(passages) {
      ms = new MiniSearch({ fields: ['t'], storeFields: [] });
      const docs = passages.map((t, id) => ({ id, t }));
      ms.addAll(docs);
    },
    search(Q) {
      const o = { combineWith: 'AND', prefix: Q.kind === 'prefix', fuzzy: Q.kind === 'phrase' ? false : fuzzy };
      if (Q.kind === 'not')
        return ms.search({ combineWith: 'AND_NOT', queries: [{ queries: Q.terms, combineWith: 'AND' }, { queries: Q.neg }] }, o).length;
      if (Q.kind === 'or') return ms.search(Q.terms.join(' '), { ...o, combineWith: 'OR' }).length;
      return ms.search(Q.terms.join(' '), o).length;
    },
    drop() { ms = null; },
  };
}
function lunrEngine() {
  let ix = null;
  return {
    name: 'lunr',
    notes: `lunr ${lunr.version}, default pipeline (stemmer, English stop words removed); +word for AND, x* prefix, word~1 for words of >= 5 letters, -x; phrases as AND of words`,
    build(passages) {
      ix = lunr(function () {
        this.ref('id');
        this.field('t');
        for (let i = 0; i < passages.length; ++i) this.add({ id: String(i), t: passages[i] });
      });
    },
    search(Q) {
      let q;
      if (Q.kind === 'prefix') q = Q.terms[0] + '*';
      else if (Q.kind === 'or') q = Q.terms.join(' ');
      else if (Q.kind === 'not') q = Q.terms.map((t) => '+' + t).join(' ') + ' ' + Q.neg.map((t) => '-' + t).join(' ');
      else q = Q.terms.map((t) => '+' + t + (Q.kind !== 'phrase' && t.length >= 5 ? '~1' : '')).join(' ');
      return ix.search(q).length;
    },
    drop() { ix = null; },
  };
}
async function txEngine(js = WASM_JS) {
  const create = require(js);
  const M = await create({ wasmBinary: fs.readFileSync(js.replace(/\.js$/, '.wasm')) });  // no fetch() in node
  return {
    name: 'tx (wasm)',
    ours: true,
    notes: 'the project\'s engine, WASM build (same core as the page) driven from node; episodes (demo: 1, 100x: 100 copies, lexicap: 1 per file) whose cues are exactly the passages; default SearchDesc (stems, typos, sound-alikes), top 20 ranked with snippets plus the exact total',
    M,
    build(passages, C) {
      M._txb_begin();
      for (let e = 0, i = 0; e < C.eps.length; i += C.eps[e++]) {
        txEpisodeToHeap(M, passages, i, C.eps[e]);
        if (M._txb_add_episode() < 0) throw new Error('tx engine refused an episode');
      }
      const n = M._txb_finish();
      if (n !== passages.length) throw new Error(`tx engine indexed ${n} of ${passages.length} passages`);
    },
    indexBytes() { return M._txb_index_bytes(); },
    wasmBytes() { return M.HEAPU8.length; },
    search(Q) { return M.ccall('txb_search', 'number', ['string'], [Q.q]); },
    drop() {},
  };
}

// Pagefind: index build through its node API (it drives its native binary). Its search client
// runs in a browser (fetches index chunks over HTTP), so no query figures under node.
async function pagefindBuild(passages) {
  let pagefind;
  try { pagefind = await import('pagefind'); } catch (e) { return { error: 'import failed: ' + e.message }; }
  try {
    const t0 = performance.now();
    const { index, errors } = await pagefind.createIndex({});
    if (errors && errors.length) return { error: errors.join('; ') };
    for (let i = 0; i < passages.length; ++i) {
      const r = await index.addCustomRecord({ url: '/p/' + i, content: passages[i], language: 'en' });
      if (r.errors && r.errors.length) return { error: r.errors.join('; ') };
    }
    const { files, errors: fe } = await index.getFiles();
    const build_ms = performance.now() - t0;
    if (fe && fe.length) return { error: fe.join('; ') };
    let bytes = 0, indexBytes = 0;
    for (const f of files) {
      bytes += f.content.length;
      if (/\.pf_(index|meta)$/.test(f.path)) indexBytes += f.content.length;
    }
    await index.deleteIndex();
    await pagefind.close();
    return { build_ms, index_bytes: indexBytes, total_bytes: bytes, files: files.length };
  } catch (e) {
    return { error: String(e && e.message || e) };
  }
}

// ---------------------------------------------------------------- measurement
const pct = (v, p) => { const s = [...v].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.round(p * (s.length - 1)))] : 0; };
const heap = () => { global.gc(); global.gc(); const m = process.memoryUsage(); return m.heapUsed + m.external + m.arrayBuffers; };


// One episode of the same input (its k passages from i, one a line) written as UTF-8 straight
// into the episode text the WASM engine allocates for it (txb_episode_text): no joined string,
// no intermediate buffer, no copy.
function txEpisodeToHeap(M, passages, i, k) {
  let size = Math.max(0, k - 1);
  for (let j = i; j < i + k; ++j) size += Buffer.byteLength(passages[j], 'utf8');
  const ptr = M._txb_episode_text(size);
  const heap = Buffer.from(M.HEAPU8.buffer, ptr, size);  // after the allocation, which may grow the memory
  for (let j = i, at = 0; j < i + k; ++j) {
    if (j > i) heap[at++] = 10;
    at += heap.write(passages[j], at, 'utf8');
  }
}

function nativeRun(passages, eps) {
  if (!fs.existsSync(NATIVE)) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'txpeers-'));
  fs.writeFileSync(path.join(dir, 'p.txt'), txInput(passages, eps));
  fs.writeFileSync(path.join(dir, 'q.txt'), QUERIES.map((Q) => Q.q).join('\n') + '\n');
  try {
    return JSON.parse(execFileSync(NATIVE, [path.join(dir, 'p.txt'), path.join(dir, 'q.txt'), '--reps', String(REPS)],
      { encoding: 'utf8', maxBuffer: 1 << 24 }));
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
}

async function benchCorpus(C, engines) {
  console.log(`\n== ${C.name}: ${C.words} words, ${C.passages.length} passages of <= ${PASSAGE_WORDS} words ==`);
  const t0 = performance.now();
  let toks = C.passages.map(tokens);
  const truth = QUERIES.map((Q) => oracle(toks, Q));
  const across = QUERIES.map((Q) => (Q.kind === 'phrase' ? oraclePhraseAcross(toks, C.eps, Q) : null));
  toks = null;  // garbage from here: no engine's build should pay for the GC tracing millions of oracle tokens
  console.log(`oracle (brute-force scan): ${(performance.now() - t0).toFixed(0)} ms for tokenizing + ${QUERIES.length} queries`);
  const res = {};
  // builds: demo 3 times (median), bigger corpora once; order rotates so no engine always goes first
  const buildReps = C.passages.length < 2000 ? 3 : 1;
  const alive = [];
  for (const E of engines) {
    const times = [];
    let bytes = 0, wasmDelta = 0;
    for (let r = 0; r < buildReps; ++r) {
      E.drop();
      const h0 = heap(), w0 = E.wasmBytes ? E.wasmBytes() : 0;
      const b0 = performance.now();
      try { E.build(C.passages, C); } catch (e) { res[E.name] = { error: String(e.message || e) }; break; }
      times.push(performance.now() - b0);
      bytes = E.indexBytes ? E.indexBytes() : heap() - h0;
      if (E.wasmBytes) wasmDelta = E.wasmBytes() - w0;
    }
    if (res[E.name]) { console.log(`${E.name}: build failed: ${res[E.name].error}`); E.drop(); continue; }
    res[E.name] = { build_ms: pct(times, 0.5), index_bytes: bytes, index_bytes_kind: E.indexBytes ? 'InvertedIndex::memory_bytes' : 'V8 heap delta' };
    if (E.wasmBytes) res[E.name].wasm_heap_growth_bytes = wasmDelta;
    console.log(`${E.name}: build ${pct(times, 0.5).toFixed(1)} ms, index ${(bytes / 1e6).toFixed(2)} MB`);
    alive.push(E);
    // Keep every index alive for the interleaved query loop only while memory allows: all fit in 24 GB.
  }
  // Warm-up, the same for every engine: each query runs WARM_RUNS times or until it has taken
  // WARM_MS, whichever comes first (JIT tiers: V8 runs a hot WASM function at its baseline
  // tier, Liftoff, for tens of calls, and optimises the JS peers' code after a similar number;
  // the time cap keeps the slow peers' 100-400 ms queries from making the run take hours).
  // Then the queries interleaved: for each rep, every engine runs every query.
  const lat = Object.fromEntries(alive.map((E) => [E.name, QUERIES.map(() => [])]));
  const counts = Object.fromEntries(alive.map((E) => [E.name, QUERIES.map((Q) => E.search(Q))]));
  for (const E of alive)
    for (const Q of QUERIES)
      for (let w = 1, w0 = performance.now(); w < WARM_RUNS && performance.now() - w0 < WARM_MS; ++w) E.search(Q);
  for (let r = 0; r < REPS; ++r)
    for (let qi = 0; qi < QUERIES.length; ++qi)
      for (let k = 0; k < alive.length; ++k) {
        const E = alive[(k + r + qi) % alive.length];
        const a = process.hrtime.bigint();
        E.search(QUERIES[qi]);
        lat[E.name][qi].push(Number(process.hrtime.bigint() - a) / 1000);
      }
  for (const E of alive) {
    const all = lat[E.name].flat();
    Object.assign(res[E.name], {
      query_p50_us: pct(all, 0.5), query_p95_us: pct(all, 0.95),
      queries: QUERIES.map((Q, qi) => ({ q: Q.q, kind: Q.kind, count: counts[E.name][qi], oracle: truth[qi],
        p50_us: pct(lat[E.name][qi], 0.5), p95_us: pct(lat[E.name][qi], 0.95) })),
    });
  }
  for (const E of engines) E.drop();
  // native reference, same passages and queries (separate process, run right after)
  const nat = nativeRun(C.passages, C.eps);
  if (nat) {
    res['tx (native)'] = { build_ms: nat.build_ms, index_bytes: nat.index_bytes, index_bytes_kind: 'InvertedIndex::memory_bytes',
      query_p50_us: nat.query_p50_us, query_p95_us: nat.query_p95_us,
      queries: QUERIES.map((Q, qi) => ({ q: Q.q, kind: Q.kind, count: nat.queries[qi].count, oracle: truth[qi],
        p50_us: nat.queries[qi].p50_us, p95_us: nat.queries[qi].p95_us })) };
    console.log(`tx (native): build ${nat.build_ms.toFixed(1)} ms, index ${(nat.index_bytes / 1e6).toFixed(2)} MB`);
  }
  if (!args.includes('--no-pagefind')) {
    const pf = await pagefindBuild(C.passages);
    res.pagefind = pf.error ? { error: pf.error } : { build_ms: pf.build_ms, index_bytes: pf.index_bytes, total_bytes: pf.total_bytes,
      index_bytes_kind: `serialized index chunks and metadata (.pf_index, .pf_meta); all ${pf.files} files it writes (with per-passage fragments, wasm, js): total_bytes`, queries_note: 'not run: its search client needs a browser' };
    console.log(`pagefind: ${pf.error ? 'failed: ' + pf.error : `build ${pf.build_ms.toFixed(0)} ms, index ${(pf.index_bytes / 1e6).toFixed(2)} MB, ${pf.files} files ${(pf.total_bytes / 1e6).toFixed(2)} MB`}`);
  }
  return { words: C.words, passages: C.passages.length, files: C.files, engines: res,
    oracle: QUERIES.map((Q, qi) => ({ q: Q.q, kind: Q.kind, count: truth[qi], ...(across[qi] != null ? { across_passages: across[qi] } : {}) })) };
}

// ---------------------------------------------------------------- tables
const fmtMs = (x) => (x == null ? '-' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const fmtUs = (x) => (x == null ? '-' : x >= 1000 ? (x / 1000).toFixed(1) + ' ms' : x.toFixed(0) + ' µs');
const fmtB = (x) => (x == null ? '-' : x >= 1e6 ? (x / 1e6).toFixed(1) + ' MB' : (x / 1e3).toFixed(0) + ' kB');
function engineTable(name, c) {
  const rows = [`### ${name}: ${c.words.toLocaleString('en')} words, ${c.passages.toLocaleString('en')} passages`, '',
    '| engine | build | index memory | query p50 | query p95 | queries = oracle |', '|---|---|---|---|---|---|'];
  for (const [en, r] of Object.entries(c.engines)) {
    if (r.error) { rows.push(`| ${en} | failed: ${r.error} | | | | |`); continue; }
    const exact = r.queries ? `${r.queries.filter((q) => q.count === q.oracle).length}/${r.queries.length}` : '-';
    rows.push(`| ${en} | ${fmtMs(r.build_ms)} ms | ${fmtB(r.index_bytes)}${r.index_bytes_kind === 'V8 heap delta' ? '' : '*'} | ${fmtUs(r.query_p50_us)} | ${fmtUs(r.query_p95_us)} | ${exact} |`);
  }
  return rows.join('\n');
}
function countTable(name, c) {
  const en = Object.keys(c.engines).filter((e) => c.engines[e].queries);
  const rows = [`#### passages returned per query (${name}); oracle = brute-force scan`, '',
    `| kind | query | oracle | ${en.join(' | ')} |`, `|---|---|---|${en.map(() => '---').join('|')}|`];
  c.oracle.forEach((o, qi) => {
    const oc = o.across_passages != null && o.across_passages !== o.count ? `${o.count} (${o.across_passages} across passages)` : `${o.count}`;
    rows.push(`| ${o.kind} | \`${o.q}\` | ${oc} | ${en.map((e) => { const n = c.engines[e].queries[qi].count; return n === o.count ? `${n}` : n === o.across_passages ? `${n}†` : `**${n}**`; }).join(' | ')} |`);
  });
  return rows.join('\n');
}

// ---------------------------------------------------------------- --build-only
// The project's engine's build time alone: no oracle, queries or peers. Each round, every --wasm
// build (comma-separated paths: e.g. a baseline copy and the new build) gets a fresh instance that
// builds the --corpora in order as the full run does (demo 3 times, bigger corpora once; so the
// 100x build also grows the WASM memory, as in the full run), then every --native build runs
// (median of its 3 builds); the binaries' order alternates between rounds. Prints every time, the
// medians, the WASM builds' CPU time and the load average; checks that the WASM builds give the same passage counts for the
// benchmark's queries; writes nothing.
async function buildOnly() {
  const wasms = opt('--wasm', WASM_JS).split(',').filter(Boolean).map((f) => path.resolve(f));
  const natives = opt('--native', NATIVE).split(',').filter((f) => fs.existsSync(f)).map((f) => path.resolve(f));
  const rounds = Number(opt('--build-reps', 5));
  const corpora = CORPORA.map((n) => loadCorpus(n, LEXICAP)).filter(Boolean);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'txbuild-'));
  fs.writeFileSync(path.join(dir, 'q.txt'), '');
  for (const C of corpora) fs.writeFileSync(path.join(dir, C.name + '.txt'), txInput(C.passages, C.eps));
  const times = {}, cpu = {}, add = (C, bin, ms) => (times[`${C.name}  ${bin}`] ??= []).push(ms);
  console.log(`load average before: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  try {
    for (let r = 0; r < rounds; ++r) {
      const order = (list) => (r % 2 ? [...list].reverse() : list);
      for (const js of order(wasms)) {
        const E = await txEngine(js);
        for (const C of corpora)
          for (let k = 0; k < (C.passages.length < 2000 ? 3 : 1); ++k) {
            heap();
            const b0 = performance.now(), c0 = process.cpuUsage();
            E.build(C.passages, C);
            add(C, 'wasm ' + js, performance.now() - b0);
            const c = process.cpuUsage(c0);  // every thread of the process: V8's compiler and GC threads too
            (cpu[`${C.name}  wasm ${js}`] ??= []).push((c.user + c.system) / 1000);
          }
      }
      for (const bin of order(natives))
        for (const C of corpora) {
          const out = execFileSync(bin, [path.join(dir, C.name + '.txt'), path.join(dir, 'q.txt'), '--reps', '0'], { encoding: 'utf8' });
          add(C, 'native ' + bin, JSON.parse(out).build_ms);
        }
      console.log(`round ${r + 1}/${rounds} done, load ${os.loadavg()[0].toFixed(2)}`);
    }
  } finally { fs.rmSync(dir, { recursive: true, force: true }); }
  for (const [k, v] of Object.entries(times))
    console.log(`${k}: median ${pct(v, 0.5).toFixed(1)} ms, min ${Math.min(...v).toFixed(1)} ms  [${v.map((x) => x.toFixed(0)).join(' ')}]` +
      (cpu[k] ? `; CPU time (less sensitive to a busy machine) median ${pct(cpu[k], 0.5).toFixed(1)} ms, min ${Math.min(...cpu[k]).toFixed(1)} ms` : ''));
  const C = corpora[corpora.length - 1], counts = [];
  for (const js of wasms) {
    const E = await txEngine(js);
    E.build(C.passages, C);
    counts.push(QUERIES.map((Q) => E.search(Q)).join(' '));
  }
  if (counts.length) console.log(counts.every((c) => c === counts[0]) ? `same passage counts for the ${QUERIES.length} queries on ${C.name}: ${counts[0]}`
    : `PASSAGE COUNTS DIFFER on ${C.name}:\n${counts.join('\n')}`);
  console.log(`load average after: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
}
if (args.includes('--build-only')) {
  await buildOnly();
  process.exit(0);
}

// ---------------------------------------------------------------- main
const REPORT_ONLY = args.includes('--report-only');  // re-render goals and peers.md from latest.json
let result;
if (REPORT_ONLY) {
  result = JSON.parse(fs.readFileSync(path.join(OUT_DIR, 'latest.json'), 'utf8'));
} else {
  const started = new Date();
  result = { date: started.toISOString(), machine: `${os.cpus()[0].model}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`,
    command: 'bash bench/run-all.sh', reps: REPS, warm_runs: WARM_RUNS, warm_ms: WARM_MS, load_before: os.loadavg(), queries: QUERIES, corpora: {} };
  const tx = await txEngine();
  const engines = [tx, flexEngine('default', 'flexsearch default'), flexEngine('performance', 'flexsearch performance'),
    flexEngine('match', 'flexsearch match'), miniEngine(), lunrEngine()]
    .filter((E) => !opt('--engines') || opt('--engines').split(',').includes(E.name));
  result.engine_notes = Object.fromEntries(engines.map((E) => [E.name, E.notes]));
  for (const name of CORPORA) {
    const C = loadCorpus(name, LEXICAP);
    if (!C) { console.log(`\n== ${name}: skipped (not present) ==`); continue; }
    result.corpora[name] = await benchCorpus(C, engines);
    console.log('\n' + engineTable(name, result.corpora[name]));
  }
  result.load_after = os.loadavg();
}

// A run limited by --engines (diagnosis: e.g. the project's engine alone, without the peers' heaps
// around it) prints its per-query latencies and writes nothing: the goals need every engine.
if (!REPORT_ONLY && opt('--engines')) {
  for (const [n, c] of Object.entries(result.corpora))
    for (const [en, r] of Object.entries(c.engines).filter(([, r]) => r.queries)) {
      console.log(`\n${n} / ${en}: p50 ${fmtUs(r.query_p50_us)}, p95 ${fmtUs(r.query_p95_us)}`);
      for (const q of r.queries) console.log(`  ${q.q.padEnd(20)} ${fmtUs(q.p50_us).padStart(9)} / ${fmtUs(q.p95_us).padStart(9)}`);
    }
  process.exit(0);
}
// goals (computed, not tuned): on the 100x corpus
const goals = [];
const big = result.corpora['100x'];
if (big) {
  const E = big.engines, ours = E['tx (wasm)'];
  const peers = Object.entries(E).filter(([n, r]) => !n.startsWith('tx') && !r.error && r.query_p95_us != null);
  const fastest = peers.reduce((a, b) => (b[1].query_p95_us < a[1].query_p95_us ? b : a));
  const phr = ours.queries.filter((q) => q.kind === 'phrase');
  const acrossOk = phr.filter((q) => q.count === q.oracle || q.count === big.oracle.find((o) => o.q === q.q).across_passages).length;
  goals.push({ goal: 'query p95 at 100x >= 5x lower than the fastest peer config, exact phrases',
    value: `${fastest[1].query_p95_us >= ours.query_p95_us ? (fastest[1].query_p95_us / ours.query_p95_us).toFixed(1) + 'x lower' : (ours.query_p95_us / fastest[1].query_p95_us).toFixed(0) + 'x higher'} than ${fastest[0]} (${fmtUs(ours.query_p95_us)} vs ${fmtUs(fastest[1].query_p95_us)}); phrases equal to the per-passage oracle ${phr.filter((q) => q.count === q.oracle).length}/${phr.length}, to the continuous-text oracle (†) ${acrossOk}/${phr.length}`,
    met: fastest[1].query_p95_us / ours.query_p95_us >= 5 && acrossOk === phr.length });
  const fd = E['flexsearch default'];
  goals.push({ goal: 'index build at 100x >= 5x faster than FlexSearch default', value: `${(fd.build_ms / ours.build_ms).toFixed(2)}x`, met: fd.build_ms / ours.build_ms >= 5 });
  // in-memory peers (V8 heap delta); Pagefind's figure is its compressed on-disk index, loaded in chunks on demand
  const minPeer = Object.entries(E).filter(([n, r]) => !n.startsWith('tx') && !r.error && r.index_bytes_kind === 'V8 heap delta').reduce((a, b) => (b[1].index_bytes < a[1].index_bytes ? b : a));
  const pf = E.pagefind && !E.pagefind.error ? `; Pagefind's compressed on-disk index chunks: ${fmtB(E.pagefind.index_bytes)} (not memory: loaded in chunks on demand)` : '';
  goals.push({ goal: 'index memory below every in-memory peer', value: `${fmtB(ours.index_bytes)} vs smallest ${minPeer[0]} ${fmtB(minPeer[1].index_bytes)}${pf}`, met: ours.index_bytes < minPeer[1].index_bytes });
}
result.goals = goals;

if (!REPORT_ONLY && !args.includes('--no-page')) {
  const { pageBench } = await import('../page/page_bench.mjs');
  result.page = await pageBench(ROOT);
}
if (result.page && result.page.goals) goals.push(...result.page.goals);
fs.mkdirSync(OUT_DIR, { recursive: true });
fs.writeFileSync(path.join(OUT_DIR, 'latest.json'), JSON.stringify(result, null, 1) + '\n');

// peers.md
const md = [`# Peer benchmark (\`${result.command}\`)`, '',
  `Date: ${result.date}. Machine: ${result.machine}; shared with other engineers, load average ${result.load_before.map((x) => x.toFixed(1)).join(' / ')} (1/5/15 min) before, ${result.load_after.map((x) => x.toFixed(1)).join(' / ')} after the engine runs.`,
  `All engines run in one node process on the same passages; queries interleaved across engines (${result.reps} reps per query per engine, after ${result.warm_runs ? `a warm-up of ${result.warm_runs} runs or ${result.warm_ms} ms per query and engine, whichever came first` : 'one warm-up run'}); latencies cover all ${QUERIES.length} queries of the set below.`,
  '*index memory: the project\'s engine reports `InvertedIndex::memory_bytes()` (index only; the WASM heap also holds the passages\' text and word tables, see latest.json `wasm_heap_growth_bytes`); peers: V8 heap delta around the build with gc() (`node --expose-gc`); Pagefind: bytes of the index chunks and metadata it writes (.pf_index, .pf_meta; its per-passage fragments, wasm and js are in latest.json `total_bytes`).', ''];
for (const [n, c] of Object.entries(result.corpora)) md.push(engineTable(n, c), '');
if (goals.length) {
  md.push('## Goals (engines: 100x corpus)', '', '| goal | measured | met |', '|---|---|---|');
  for (const g of goals) md.push(`| ${g.goal} | ${g.value} | ${g.met ? 'yes' : 'no'} |`);
  md.push('');
}
if (result.page) md.push(result.page.markdown, '');
md.push('## Correctness', '', 'Bold = differs from the oracle. Peers without phrase support run phrases as AND of the words; lunr drops English stop words ("the", "to", "be", "of") and stems; the project\'s engine also matches stems, typos and sound-alikes of bare words (ranked below exact matches), so its counts for bare words can exceed the exact-word oracle; a misspelling\'s oracle is the passages with the intended word. † = equals the continuous-text phrase oracle: the project\'s engine reads an episode as one text, so a phrase spanning two passages of an episode is found (in the passage where it starts); the peers index passages as separate documents.', '');
for (const [n, c] of Object.entries(result.corpora)) md.push(countTable(n, c), '');
if (result.corpora['100x']) {  // where the p95 comes from
  const c = result.corpora['100x'], en = Object.keys(c.engines).filter((e) => c.engines[e].queries);
  md.push('#### query latency p50 / p95 per query (100x)', '', `| query | ${en.join(' | ')} |`, `|---|${en.map(() => '---').join('|')}|`);
  c.oracle.forEach((o, qi) => md.push(`| \`${o.q}\` | ${en.map((e) => `${fmtUs(c.engines[e].queries[qi].p50_us)} / ${fmtUs(c.engines[e].queries[qi].p95_us)}`).join(' | ')} |`));
  md.push('');
}
md.push('## Engine configurations', '');
for (const [n, t] of Object.entries(result.engine_notes)) md.push(`- **${n}**: ${t}`);
md.push('- **tx (native)**: the same engine and driver (bench/peers/tx_engine.cpp) compiled natively, run right after on the same passages, with the same warm-up and interleaved query order as the WASM loop', '- **pagefind**: index build through its node API (`createIndex`, `addCustomRecord`, `getFiles`); queries not measured (its search client runs in a browser and fetches index chunks)');
fs.writeFileSync(path.join(OUT_DIR, 'peers.md'), md.join('\n') + '\n');
for (const g of goals) console.log(`goal: ${g.goal}: ${g.value} -> ${g.met ? 'met' : 'NOT met'}`);
console.log(`\nwrote bench/results/latest.json and bench/results/peers.md`);
process.exit(0);
