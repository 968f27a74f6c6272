// Where a page load's main-thread time goes on the way to the ready frame: the explorer page
// against the bare Dear ImGui page, from Chromium traces (CDP tracing through playwright).
//
//   node bench/page/page_trace.mjs [--runs N] [--site DIR] [--bare DIR] [--light] [--timeline]
//                                  [--functions [--by-ms] [--functions-top N]] [--json OUT] [--js-flags FLAGS]
//
// Each run loads the explorer (build-web/site, or --site DIR) and the bare page (bare_imgui.js/.wasm
// in build-web, or --bare DIR) once each, in fresh contexts, with tracing on (v8.wasm,
// devtools.timeline, blink.user_timing, toplevel; --light: without devtools.timeline, which costs
// the most), and prints, in ms from navigation start on the renderer's main thread:
//   - medians over the runs: downloads (Resource Timing), the WASM compile (called, resolved), main(),
//     the load call tx_load_bundle (zstd decode + parse + index), the first animation frames, the
//     first draw call and ready (as page_bench.mjs), busy / idle time before ready, scripts, GC, and
//     wasm.CompileLazy (functions compiled at their first call, on the main thread: count, bytes of
//     code, ms), in all and inside main() and the load call;
//   - each load's path in order (medians of separate phases come from different loads);
//   - --timeline: the first load's main-thread tasks before ready, with what ran inside each;
//   - --functions: the first load's lazily compiled functions by phase (main(), load call, frames),
//     largest first (--by-ms: slowest first), named from NAME.js.symbols next to NAME.js when the
//     build wrote one (em++ --emit-symbol-map).
// main(), the load call, the compile and the first animation frames are marked with User Timing
// from an init script (MARKS below). Tracing costs time itself, and on a busy machine a thread can
// be preempted inside a compile event: compare pages within a run, not with page_bench.mjs figures.
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, INIT } from './page_bench.mjs';

// ---- the wasm: each defined function's body size, and names from an Emscripten symbol map ----

function readU32v(buf, pos) {
  let result = 0, shift = 0, b;
  do { b = buf[pos++]; result |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
  return [result >>> 0, pos];
}

// { imported, sizes: [body bytes of defined function i] } (function index = imported + i)
export function wasmFunctions(file) {
  const buf = fs.readFileSync(file);
  let pos = 8, imported = 0;
  const sizes = [];
  while (pos < buf.length) {
    const id = buf[pos++];
    let len; [len, pos] = readU32v(buf, pos);
    const end = pos + len;
    if (id === 2) {  // imports: count the functions (kind 0)
      let n, p = pos; [n, p] = readU32v(buf, p);
      for (let i = 0; i < n; ++i) {
        let l; [l, p] = readU32v(buf, p); p += l;  // module
        [l, p] = readU32v(buf, p); p += l;         // field
        const kind = buf[p++];
        if (kind === 0) { imported++; [, p] = readU32v(buf, p); }
        else if (kind === 1) { p++; let f; [f, p] = readU32v(buf, p); [, p] = readU32v(buf, p); if (f & 1) [, p] = readU32v(buf, p); }
        else if (kind === 2) { let f; [f, p] = readU32v(buf, p); [, p] = readU32v(buf, p); if (f & 1) [, p] = readU32v(buf, p); }
        else if (kind === 3) { p += 2; }
        else if (kind === 4) { p++; [, p] = readU32v(buf, p); }
      }
    } else if (id === 10) {
      let n, p = pos; [n, p] = readU32v(buf, p);
      for (let i = 0; i < n; ++i) { let l; [l, p] = readU32v(buf, p); sizes.push(l); p += l; }
    }
    pos = end;
  }
  return { imported, sizes };
}

// index -> name from NAME.js.symbols ("index:name" lines), or an empty map
function symbolMap(jsFile) {
  const f = jsFile + '.symbols', names = new Map();
  if (fs.existsSync(f))
    for (const line of fs.readFileSync(f, 'utf8').split('\n')) {
      const i = line.indexOf(':');
      if (i > 0) names.set(Number(line.slice(0, i)), line.slice(i + 1));
    }
  return names;
}

// ---- one traced load ----

// The explorer's load call and main() are marked with User Timing: Emscripten stores its export
// wrappers on the Module object (`Module["_tx_load_bundle"] = ...`), and a setter on
// Object.prototype for those two names wraps them on the way in (one JS call more for each).
const MARKS = `(() => {
  for (const name of ['_tx_load_bundle', '_main']) {
    Object.defineProperty(Object.prototype, name, {
      configurable: true,
      set(f) {
        const wrapped = function (...a) {
          performance.mark('txt-' + name + '-begin');
          try { return f.apply(this, a); } finally { performance.mark('txt-' + name + '-end'); }
        };
        Object.defineProperty(this, name, { value: wrapped, writable: true, configurable: true, enumerable: true });
      },
    });
  }
  // the first animation frame callbacks: when each starts and ends
  const raf = window.requestAnimationFrame;
  let frames = 0;
  window.requestAnimationFrame = function (cb) {
    return raf.call(window, (t) => {
      const n = ++frames;
      if (n > 4) return cb(t);
      performance.mark('txt-raf' + n + '-begin');
      try { return cb(t); } finally { performance.mark('txt-raf' + n + '-end'); }
    });
  };
  // when the streaming compile and the instantiation start and finish
  for (const name of ['compileStreaming', 'instantiateStreaming', 'instantiate']) {
    const f = WebAssembly[name];
    if (f) WebAssembly[name] = function (...a) {
      performance.mark('txt-' + name + '-called');
      return f.apply(this, a).then((r) => { performance.mark('txt-' + name + '-done'); return r; });
    };
  }
})();`;

const CATEGORIES = ['v8.wasm', 'devtools.timeline', 'blink.user_timing', 'toplevel'];

async function tracedLoad(browser, url, explorer, categories = CATEGORIES) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(INIT);
  await context.addInitScript(MARKS);
  const page = await context.newPage();
  await browser.startTracing(page, { categories });
  await page.goto(url);
  await page.waitForFunction(() => window.__txb && window.__txb.firstDraw !== null, null, { timeout: 60000, polling: 5 });
  let ready;
  if (explorer) {
    await page.waitForFunction(() => { try { return window.explorer.state().ready; } catch (e) { return false; } }, null, { timeout: 60000, polling: 5 });
    const st = await page.evaluate(() => window.explorer.state());
    ready = (await page.evaluate(() => window.__txb.frameDraws)).filter((t) => t <= st.indexedMs).pop();
  } else {
    ready = await page.evaluate(() => window.__txb.firstDraw);
  }
  // one mark to map the page clock (performance.now) onto the trace clock
  const draws = await page.evaluate(() => window.__txb.frameDraws);
  const resources = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), e.responseEnd])));
  const clock = await page.evaluate(() => { performance.mark('txt-clock'); return performance.getEntriesByName('txt-clock')[0].startTime; });
  const buf = await browser.stopTracing();
  await context.close();
  return { ready, clock, draws, resources, events: JSON.parse(buf.toString()).traceEvents };
}

// ---- analysis of one load ----

function analyse({ ready, clock, draws, resources, events }) {
  const clockEv = events.find((e) => e.name === 'txt-clock');
  if (!clockEv) throw new Error('no txt-clock mark in the trace');
  const pid = clockEv.pid, tid = clockEv.tid;
  const off = clockEv.ts / 1000 - clock;  // trace ms = page ms + off
  const t = (e) => e.ts / 1000 - off;      // an event's start in page ms (navigation start = 0)
  const main = events.filter((e) => e.pid === pid && e.tid === tid && (e.ph === 'X' || e.ph === 'B' || e.ph === 'E'));
  // B/E pairs to complete events
  const spans = [];
  const open = [];
  for (const e of main.sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X') spans.push({ name: e.name, cat: e.cat, start: t(e), dur: (e.dur || 0) / 1000, args: e.args });
    else if (e.ph === 'B') open.push(e);
    else {
      for (let i = open.length - 1; i >= 0; --i)
        if (open[i].name === e.name) { const b = open.splice(i, 1)[0]; spans.push({ name: b.name, cat: b.cat, start: t(b), dur: (e.ts - b.ts) / 1000, args: b.args }); break; }
    }
  }
  const marks = {};
  for (const e of events) if (e.pid === pid && typeof e.name === 'string' && e.name.startsWith('txt-') && !(e.name in marks)) marks[e.name] = t(e);
  const before = (s) => s.start < ready;
  const sumDur = (list) => list.reduce((a, s) => a + Math.min(s.dur, ready - s.start), 0);
  const within = (list, a, b) => list.filter((s) => s.start >= a && s.start < b);
  const lazy = spans.filter((s) => s.name === 'wasm.CompileLazy' && before(s));
  // top-level tasks: busy time and idle gaps before ready
  const tasks = spans.filter((s) => s.name === 'ThreadControllerImpl::RunTask' || s.name === 'RunTask').filter(before).sort((a, b) => a.start - b.start);
  let busy = 0, lastEnd = 0, idle = 0;
  for (const s of tasks) {
    const end = Math.min(s.start + s.dur, ready);
    if (s.start > lastEnd) idle += s.start - Math.max(lastEnd, 0);
    busy += Math.max(0, end - Math.max(s.start, lastEnd));
    lastEnd = Math.max(lastEnd, end);
  }
  const script = spans.filter((s) => s.name === 'EvaluateScript' && before(s));
  const gc = spans.filter((s) => /^(MinorGC|MajorGC|V8\.GC_SCAVENGER|V8\.GCScavenger|V8\.GCFinalizeMC|V8\.GCCompactor)$/.test(s.name) && before(s));
  const streaming = spans.filter((s) => s.name.startsWith('wasm.') && s.name !== 'wasm.CompileLazy' && before(s));
  const out = {
    ready, draws, resources,
    busy, idle,
    script: sumDur(script),
    gc: sumDur(gc),
    wasm_other_main: sumDur(streaming),
    wasm_other_names: [...new Set(streaming.map((s) => s.name))],
    lazy_count: lazy.length,
    lazy_ms: sumDur(lazy),
    lazy: lazy.map((s) => ({ f: s.args && (s.args.func_index ?? s.args.funcIndex ?? (s.args.data && s.args.data.func_index)), ms: s.dur, start: s.start })),
    marks,
  };
  if (marks['txt-_main-begin'] !== undefined) {
    const a = marks['txt-_main-begin'], b = marks['txt-_main-end'];
    out.main = { start: a, dur: b - a, lazy_ms: sumDur(within(lazy, a, b)) };
  }
  if (marks['txt-_tx_load_bundle-begin'] !== undefined) {
    const a = marks['txt-_tx_load_bundle-begin'], b = marks['txt-_tx_load_bundle-end'];
    out.load = { start: a, dur: b - a, lazy_ms: sumDur(within(lazy, a, b)), lazy_count: within(lazy, a, b).length };
  }
  out.compile_first_start = lazy.length ? lazy[0].start : null;
  // the tasks before ready, each with what ran inside it (summed by event name)
  out.timeline = tasks.filter((s) => s.dur >= 0.5).map((s) => {
    const inner = {};
    for (const c of spans) if (c !== s && c.start >= s.start && c.start < s.start + s.dur && c.name !== s.name) {
      const key = c.name === 'EvaluateScript' ? 'EvaluateScript ' + ((c.args && c.args.data && c.args.data.url) || '').split('/').pop() : c.name;
      inner[key] = (inner[key] || 0) + c.dur;
    }
    const m = Object.entries(marks).filter(([, v]) => v >= s.start && v < s.start + s.dur).map(([k]) => k);
    return { start: s.start, dur: s.dur, marks: m, inner: Object.entries(inner).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(1)}`) };
  });
  return out;
}

const median = (v) => { const s = v.filter((x) => x !== undefined && x !== null).sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const ms = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
  const runs = Number(arg('--runs') || 5);
  const site = path.resolve(arg('--site') || path.join(ROOT, 'build-web/site'));
  const bw = path.resolve(arg('--bare') || path.join(ROOT, 'build-web'));
  const files = { '/bare/': path.join(ROOT, 'bench/page/bare.html'), '/bare/bare_imgui.js': path.join(bw, 'bare_imgui.js'), '/bare/bare_imgui.wasm': path.join(bw, 'bare_imgui.wasm') };
  for (const f of fs.readdirSync(site)) if (!f.startsWith('.')) files['/ex/' + f] = path.join(site, f);
  files['/ex/'] = path.join(site, 'index.html');
  const srv = await serve(files);
  const browser = await launch(arg('--js-flags') ? [`--js-flags=${arg('--js-flags')}`] : []);
  const res = { explorer: [], bare: [] };
  // --light: only the wasm and User Timing categories (less tracing overhead; no frame events)
  const cats = process.argv.includes('--light') ? ['v8.wasm', 'blink.user_timing', 'toplevel'] : CATEGORIES;
  try {
    await tracedLoad(browser, srv.url + '/ex/', true);  // warm-up (processes, shader compiler)
    await tracedLoad(browser, srv.url + '/bare/', false);
    for (let r = 0; r < runs; ++r) {
      res.explorer.push(analyse(await tracedLoad(browser, srv.url + '/ex/', true, cats)));
      res.bare.push(analyse(await tracedLoad(browser, srv.url + '/bare/', false, cats)));
    }
  } finally {
    await browser.close();
    srv.close();
  }
  const fn = { explorer: wasmFunctions(path.join(site, 'explorer.wasm')), bare: wasmFunctions(path.join(bw, 'bare_imgui.wasm')) };
  const names = { explorer: symbolMap(path.join(site, 'explorer.js')), bare: symbolMap(path.join(bw, 'bare_imgui.js')) };
  const lines = [`Medians of ${runs} traced loads each (ms from navigation start; main thread of the renderer).`, '',
    '| | explorer | bare |', '|---|---|---|'];
  const row = (label, get) => lines.push(`| ${label} | ${ms(median(res.explorer.map(get)))} | ${ms(median(res.bare.map(get)))} |`);
  const compiledBytes = (page) => (r) => r.lazy.reduce((a, x) => a + (x.f !== undefined ? fn[page].sizes[x.f - fn[page].imported] || 0 : 0), 0);
  row('wasm downloaded', (r) => r.resources['explorer.wasm'] ?? r.resources['bare_imgui.wasm']);
  row('js downloaded', (r) => r.resources['explorer.js'] ?? r.resources['bare_imgui.js']);
  row('bundle downloaded', (r) => r.resources['demo.txb']);
  row('wasm compiled (compileStreaming / instantiateStreaming resolved)', (r) => r.marks['txt-compileStreaming-done'] ?? r.marks['txt-instantiateStreaming-done']);
  row('wasm instantiated', (r) => r.marks['txt-instantiate-done'] ?? r.marks['txt-instantiateStreaming-done']);
  row('wasm compile called', (r) => r.marks['txt-compileStreaming-called'] ?? r.marks['txt-instantiateStreaming-called']);
  for (let i = 1; i <= 3; ++i) {
    row(`animation frame ${i}: starts`, (r) => r.marks[`txt-raf${i}-begin`]);
    row(`animation frame ${i}: ms`, (r) => r.marks[`txt-raf${i}-end`] - r.marks[`txt-raf${i}-begin`]);
    row(`animation frame ${i}: lazy compile ms`, (r) => r.lazy.filter((x) => x.start >= r.marks[`txt-raf${i}-begin`] && x.start < r.marks[`txt-raf${i}-end`]).reduce((a, x) => a + x.ms, 0));
  }
  row('first draw call', (r) => r.draws[0]);
  row('draw calls (frames) up to ready', (r) => r.draws.filter((d) => d <= r.ready).length);
  row('ready (first draw call of the ready frame)', (r) => r.ready);
  row('main thread busy before ready', (r) => r.busy);
  row('main thread idle before ready', (r) => r.idle);
  row('scripts evaluated (EvaluateScript)', (r) => r.script);
  row('GC', (r) => r.gc);
  row('wasm events other than CompileLazy on main', (r) => r.wasm_other_main);
  row('first lazy compile starts', (r) => r.compile_first_start);
  row('wasm lazy compile: functions', (r) => r.lazy_count);
  lines.push(`| wasm lazy compile: bytes of code | ${(median(res.explorer.map(compiledBytes('explorer'))) / 1024).toFixed(0)} KiB | ${(median(res.bare.map(compiledBytes('bare'))) / 1024).toFixed(0)} KiB |`);
  row('wasm lazy compile: ms', (r) => r.lazy_ms);
  row('main(): starts', (r) => r.main && r.main.start);
  row('main(): ms (lazy compile inside)', (r) => r.main && r.main.dur);
  row('main(): lazy compile ms', (r) => r.main && r.main.lazy_ms);
  row('tx_load_bundle: starts', (r) => r.load && r.load.start);
  row('tx_load_bundle: ms', (r) => r.load && r.load.dur);
  row('tx_load_bundle: lazy compile ms', (r) => r.load && r.load.lazy_ms);
  row('tx_load_bundle: functions compiled', (r) => r.load && r.load.lazy_count);
  console.log(lines.join('\n'));
  if (process.argv.includes('--functions')) {
    // the first run's lazily compiled functions by phase: in main(), in the load call, after it
    for (const page of ['explorer', 'bare']) {
      const r = res[page][0];
      const phase = (x) => (r.main && x.start >= r.main.start && x.start < r.main.start + r.main.dur ? 'main()'
        : r.load && x.start >= r.load.start && x.start < r.load.start + r.load.dur ? 'tx_load_bundle'
        : r.main && x.start < r.main.start ? 'before main()' : 'after (frames)');
      const list = r.lazy.map((x) => ({ ...x, phase: phase(x), bytes: fn[page].sizes[x.f - fn[page].imported] || 0, name: names[page].get(x.f) || '' }));
      for (const ph of ['before main()', 'main()', 'tx_load_bundle', 'after (frames)']) {
        const l = list.filter((x) => x.phase === ph).sort(process.argv.includes('--by-ms') ? (a, b) => b.ms - a.ms : (a, b) => b.bytes - a.bytes);
        if (!l.length) continue;
        console.log(`\n${page}, ${ph}: ${l.length} functions, ${(l.reduce((a, x) => a + x.bytes, 0) / 1024).toFixed(1)} KiB, ${ms(l.reduce((a, x) => a + x.ms, 0))} ms; largest:`);
        for (const x of l.slice(0, Number(arg('--functions-top') || 15))) console.log(`  ${String(x.bytes).padStart(7)} B ${ms(x.ms).padStart(6)} ms  #${x.f}  ${x.name}`);
      }
    }
  }
  // each load's path, in order (ms from navigation start; [begin-end])
  const span = (r, n) => (r.marks[`txt-${n}-begin`] !== undefined ? `${ms(r.marks[`txt-${n}-begin`])}-${ms(r.marks[`txt-${n}-end`])}` : '-');
  for (const page of ['explorer', 'bare']) {
    console.log(`\n${page}, each load: loader downloaded | js downloaded | bundle downloaded | wasm downloaded | compile called | compiled | main() | tx_load_bundle | frame 1 | frame 2 | frame 3 | first draw | ready | lazy compile ms (count)`);
    for (const r of res[page])
      console.log('  ' + [ms(r.resources['explorer-loader.js']), ms(r.resources['explorer.js'] ?? r.resources['bare_imgui.js']), ms(r.resources['demo.txb']), ms(r.resources['explorer.wasm'] ?? r.resources['bare_imgui.wasm']), ms(r.marks['txt-compileStreaming-called'] ?? r.marks['txt-instantiateStreaming-called']),
        ms(r.marks['txt-compileStreaming-done'] ?? r.marks['txt-instantiateStreaming-done']), span(r, '_main'), span(r, '_tx_load_bundle'),
        span(r, 'raf1'), span(r, 'raf2'), span(r, 'raf3'), ms(r.draws[0]), ms(r.ready), `${ms(r.lazy_ms)} (${r.lazy_count})`].join(' | '));
  }
  if (process.argv.includes('--timeline'))
    for (const page of ['explorer', 'bare']) {
      console.log(`\n${page}: main-thread tasks >= 0.5 ms before ready (first run; ready at ${ms(res[page][0].ready)})`);
      for (const x of res[page][0].timeline)
        console.log(`  ${ms(x.start).padStart(6)} +${ms(x.dur).padStart(6)}  ${x.marks.join(' ')}  ${x.inner.join(', ')}`);
    }
  if (arg('--json')) fs.writeFileSync(arg('--json'), JSON.stringify(res, null, 1));
}
