// Page benchmark: the explorer page vs a bare Dear ImGui page (bare_imgui, same link flags) in
// headless Chromium, and the explorer's transfer bytes (raw and brotli) split by part.
//
//   pageBench(ROOT, { runs }) -> { explorer, bare, ratio, transfer, markdown }
//   (called by bench/peers/run.mjs; standalone: node bench/page/page_bench.mjs [--runs N] [--base DIR];
//   the default is 21 loads of each page, or PAGE_RUNS from the environment)
//   --base DIR: also loads the explorer site in DIR (another build's build-web/site, e.g. of the
//   commit before a change) in the same alternation, for a before/after measured in one run.
//
// Times are from navigation start (performance.now() in the page):
//   first frame   the first WebGL draw call (an init script wraps drawElements/drawArrays), i.e.
//                 the first frame Dear ImGui rendered; identical instrumentation on both pages
//   search ready  explorer: the first frame drawn while the whole bundle is searchable, marked like
//                 the bare page's first frame: at its first draw call (the frame is the one whose
//                 end state().indexedMs marks: performance.now() after the draw calls of the first
//                 frame drawn with every episode indexed); the bare page has no search: its "ready"
//                 is its first frame.
//                 Checked on every run, or the run fails: state().ready was seen by polling (every
//                 5 ms; that time is kept as search_ready_polled_ms: it also waits for the browser
//                 to present the frame, a cost the bare page's first-frame mark does not carry),
//                 the search box is on screen, the model holds every word of the demo, and a query
//                 for a word near the end of the demo answers with its last occurrence.
// Runs alternate explorer / bare in fresh browser contexts (no cache) of one browser; medians.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';

const require = createRequire(path.join(path.dirname(new URL(import.meta.url).pathname), '../peers/package.json'));

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.txb': 'application/octet-stream' };

// Static server for a map url-path -> file (no compression, no cache), records requests.
export function serve(files) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const f = files[p];
    if (!f || !fs.existsSync(f)) { res.writeHead(404); res.end(); return; }
    const body = fs.readFileSync(f);
    requests.push({ path: p, bytes: body.length });
    res.writeHead(200, { 'Content-Type': MIME[path.extname(f)] || 'application/octet-stream', 'Content-Length': body.length, 'Cache-Control': 'no-store' });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
    resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close(), requests })));
}

// Same flags as tests/browser/harness.mjs launch() (software WebGL2 through SwiftShader), plus `extra`.
export async function launch(extra = []) {
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
      '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...extra],
  });
}

// frameDraws: the first draw call of every frame (a frame's draw calls run in one callback; a
// microtask after the first one marks the frame's end).
export const INIT = `(() => {
  window.__txb = { firstDraw: null, frameDraws: [] };
  const P = WebGL2RenderingContext.prototype;
  let inFrame = false;
  for (const fn of ['drawElements', 'drawArrays']) {
    const orig = P[fn];
    P[fn] = function (...a) {
      if (!inFrame) {
        inFrame = true;
        const t = performance.now();
        if (window.__txb.firstDraw === null) window.__txb.firstDraw = t;
        window.__txb.frameDraws.push(t);
        queueMicrotask(() => { inFrame = false; });
      }
      return orig.apply(this, a);
    };
  }
})();`;

// The query check: a word of the demo's last sentence (no stop word), its last position in the
// text's words and the number of words (the demo is lowercase words separated by spaces).
function demoProbe(ROOT) {
  const words = fs.readFileSync(path.join(ROOT, 'assets/lex-fridman-383-mark-zuckerberg.txt'), 'utf8').split(/\s+/).filter(Boolean);
  let i = words.length - 1;
  while (i > 0 && words[i].length < 7) --i;
  return { word: words[i], lastIndex: i, words: words.length };
}

async function measure(browser, url, explorer, probe) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForFunction(() => window.__txb && window.__txb.firstDraw !== null, null, { timeout: 60000, polling: 5 });
  let ready = null, polled = null, phases = null;
  if (explorer) {
    await page.waitForFunction(() => {
      try {
        const s = window.explorer.state();
        const ph = (window.__txb.phases = window.__txb.phases || []);
        if (!ph.length || ph[ph.length - 1].phase !== s.phase) ph.push({ phase: s.phase, ms: Math.round(performance.now()) });
        if (s.error) return true;
        if (s.ready) { window.__txb.ready = window.__txb.ready || performance.now(); return true; }
      } catch (e) { /* not mounted yet */ }
      return false;
    }, null, { timeout: 60000, polling: 5 });
    const st = await page.evaluate(() => window.explorer.state());
    if (st.error) throw new Error('explorer failed: ' + st.error);
    polled = await page.evaluate(() => window.__txb.ready);
    phases = await page.evaluate(() => window.__txb.phases);
    if (!(st.indexedMs > 0) || st.indexedMs > polled) throw new Error(`no frame drawn while ready (indexedMs ${st.indexedMs}, ready seen at ${polled})`);
    // the first draw call of that frame, the same mark as the bare page's first frame
    ready = (await page.evaluate(() => window.__txb.frameDraws)).filter((t) => t <= st.indexedMs).pop();
    if (ready === undefined) throw new Error(`no draw call before indexedMs ${st.indexedMs}`);
    if (!(st.searchBox[2] > 0 && st.searchBox[3] > 0)) throw new Error('no search box on screen when ready');
    if (st.words !== probe.words) throw new Error(`the explorer holds ${st.words} words, the demo has ${probe.words}`);
    const q = await page.evaluate((w) => { window.explorer.setQuery(w); window.explorer.nextHit(false); return window.explorer.state(); }, probe.word);
    if (!(q.matches > 0) || q.word < probe.lastIndex) throw new Error(`query "${probe.word}": ${q.matches} matches, last at word ${q.word} (expected >= ${probe.lastIndex})`);
  }
  // where the time goes: when each resource finished downloading (Resource Timing, same clock)
  const resources = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('resource')
    .map((e) => [e.name.split('/').pop(), Math.round(e.responseEnd)])));
  const firstDraw = await page.evaluate(() => window.__txb.firstDraw);
  await context.close();
  if (errors.length) throw new Error(errors.join('; '));
  return { first_frame_ms: firstDraw, search_ready_ms: explorer ? ready : firstDraw, ...(explorer ? { search_ready_polled_ms: polled } : {}),
    resources, ...(phases ? { phases } : {}) };
}

const median = (v) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
// the spread of a list: its quartiles (nearest rank), as "p25-p75" with `digits` decimals
const quartiles = (v, digits = 0) => {
  const s = [...v].sort((a, b) => a - b), q = (p) => s[Math.round(p * (s.length - 1))];
  return `${q(0.25).toFixed(digits)}-${q(0.75).toFixed(digits)}`;
};
const kB = (x) => (x / 1024).toFixed(1) + ' KiB';

export async function pageBench(ROOT, { runs = Number(process.env.PAGE_RUNS) || 21, base = null } = {}) {
  const site = path.join(ROOT, 'build-web/site');
  const bw = path.join(ROOT, 'build-web');
  for (const f of ['index.html', 'explorer.js', 'explorer.wasm', 'explorer-loader.js', 'demo.txb'])
    if (!fs.existsSync(path.join(site, f))) return { error: `build-web/site/${f} missing (bash scripts/build.sh web)`, markdown: '## Page\n\nnot measured: build-web/site incomplete' };
  if (!fs.existsSync(path.join(bw, 'bare_imgui.wasm'))) return { error: 'build-web/bare_imgui.wasm missing', markdown: '## Page\n\nnot measured: bare_imgui not built' };
  const files = {};
  for (const f of fs.readdirSync(site)) if (!f.startsWith('.')) files['/ex/' + f] = path.join(site, f);
  files['/ex/'] = path.join(site, 'index.html');
  files['/bare/'] = path.join(ROOT, 'bench/page/bare.html');
  files['/bare/bare_imgui.js'] = path.join(bw, 'bare_imgui.js');
  files['/bare/bare_imgui.wasm'] = path.join(bw, 'bare_imgui.wasm');
  if (base) {
    for (const f of fs.readdirSync(base)) if (!f.startsWith('.')) files['/base/' + f] = path.join(base, f);
    files['/base/'] = path.join(base, 'index.html');
  }
  const probe = demoProbe(ROOT);
  const srv = await serve(files);
  const browser = await launch();
  const ex = [], bare = [], baseRuns = [];
  try {
    // one untimed load of each first (Chromium's own warm-up: processes, shader compiler)
    await measure(browser, srv.url + '/ex/', true, probe);
    await measure(browser, srv.url + '/bare/', false);
    if (base) await measure(browser, srv.url + '/base/', true, probe);
    srv.requests.length = 0;
    // each round loads every page once, starting with a different one each round
    const pages = [['/ex/', true, ex], ['/bare/', false, bare], ...(base ? [['/base/', true, baseRuns]] : [])];
    for (let r = 0; r < runs; ++r)
      for (let k = 0; k < pages.length; ++k) {
        const [url, isExplorer, out] = pages[(r + k) % pages.length];
        out.push(await measure(browser, srv.url + url, isExplorer, probe));
      }
  } finally {
    await browser.close();
    srv.close();
  }
  // transfer: what one explorer load requested (each file once), raw and brotli (quality 11)
  const parts = { HTML: [], JS: [], WASM: [], bundle: [] };
  const seen = new Set();
  for (const q of srv.requests) {
    if (!q.path.startsWith('/ex/') || seen.has(q.path)) continue;  // the explorer's own files only
    seen.add(q.path);
    const f = files[q.path];
    const ext = path.extname(f);
    const part = ext === '.html' ? 'HTML' : ext === '.js' ? 'JS' : ext === '.wasm' ? 'WASM' : 'bundle';
    parts[part].push(f);
  }
  const br = (buf) => zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;
  const transfer = {};
  let rawTotal = 0, brTotal = 0;
  for (const [p, list] of Object.entries(parts)) {
    let raw = 0, b = 0;
    for (const f of list) { const buf = fs.readFileSync(f); raw += buf.length; b += br(buf); }
    transfer[p] = { files: list.map((f) => path.basename(f)), raw, brotli: b };
    rawTotal += raw; brTotal += b;
  }
  const font = path.join(bw, 'ui_font.ttf');
  if (fs.existsSync(font)) {
    const buf = fs.readFileSync(font);
    transfer['font (inside the WASM)'] = { files: ['ui_font.ttf (subset, TrueType outlines, compiled into explorer.wasm)'], raw: buf.length, brotli: br(buf), included_in: 'WASM' };
  }
  transfer.total = { raw: rawTotal, brotli: brTotal };
  const bareWasm = fs.readFileSync(path.join(bw, 'bare_imgui.wasm')), bareJs = fs.readFileSync(path.join(bw, 'bare_imgui.js'));
  transfer.bare_page = { raw: bareWasm.length + bareJs.length, brotli: br(bareWasm) + br(bareJs) };

  const E = { first_frame_ms: median(ex.map((x) => x.first_frame_ms)), search_ready_ms: median(ex.map((x) => x.search_ready_ms)),
    search_ready_polled_ms: median(ex.map((x) => x.search_ready_polled_ms)),
    wasm_downloaded_ms: median(ex.map((x) => x.resources['explorer.wasm'] || 0)), bundle_downloaded_ms: median(ex.map((x) => x.resources['demo.txb'] || 0)), runs: ex };
  const B = { first_frame_ms: median(bare.map((x) => x.first_frame_ms)), runs: bare };
  const ratio = E.search_ready_ms / B.first_frame_ms;
  // each explorer load against the bare load next to it (the machine's load drifts during a run)
  const pairRatios = ex.map((x, i) => x.search_ready_ms / bare[i].first_frame_ms);
  E.pair_ratio_median = median(pairRatios);
  const baseline = base ? { dir: base, search_ready_ms: median(baseRuns.map((x) => x.search_ready_ms)), runs: baseRuns } : null;
  if (baseline) {
    baseline.ratio = baseline.search_ready_ms / B.first_frame_ms;
    baseline.pair_ratio_median = median(baseRuns.map((x, i) => x.search_ready_ms / bare[i].first_frame_ms));
  }
  const md = ['## Page (headless Chromium, software WebGL2)', '',
    `Median of ${runs} loads each, alternating, fresh context (no cache), local HTTP server without compression. Times from navigation start. ` +
    'First frame: the first WebGL draw call. Search ready: the first draw call of the first frame drawn while the whole demo is searchable (the frame ' +
    'that the explorer\'s `indexedMs` closes); every run also checks that the search box is on screen and that a query for a word ' +
    `of the demo's last sentence ("${probe.word}") answers with its last occurrence (word ${probe.lastIndex} of ${probe.words}). ` +
    'Every word is indexed before that frame; the term tables\' commit (sorted dictionary, stems, phonetic keys: the last 5-27 ms of ' +
    'the index build in the page) runs in the frame after it, or first in a query typed before that frame.', '',
    '| page | first frame | search ready |', '|---|---|---|',
    `| explorer + demo bundle | ${E.first_frame_ms.toFixed(0)} ms | ${E.search_ready_ms.toFixed(0)} ms |`,
    `| explorer: explorer.wasm downloaded / demo.txb downloaded | ${E.wasm_downloaded_ms.toFixed(0)} ms / ${E.bundle_downloaded_ms.toFixed(0)} ms | (ready ${(E.search_ready_ms - E.bundle_downloaded_ms).toFixed(0)} ms after the bundle arrived) |`,
    `| explorer: ready seen by polling state() (after the browser presented that frame) | | ${E.search_ready_polled_ms.toFixed(0)} ms |`,
    `| bare Dear ImGui (same flags) | ${B.first_frame_ms.toFixed(0)} ms | (= first frame) |`,
    `| **ratio explorer / bare** | ${(E.first_frame_ms / B.first_frame_ms).toFixed(2)}x | **${ratio.toFixed(2)}x** (goal <= 1.3x: ${ratio <= 1.3 ? 'met' : 'not met'}) |`, '',
    `Spread (p25-p75 of the ${runs} loads): explorer search ready ${quartiles(ex.map((x) => x.search_ready_ms))} ms, bare first frame ${quartiles(bare.map((x) => x.first_frame_ms))} ms; ` +
    `the ratio of each explorer load to the bare load next to it: median ${E.pair_ratio_median.toFixed(2)}x, p25-p75 ${quartiles(pairRatios, 2)}x.`, '',
    ...(baseline ? [`Baseline build (${baseline.dir}), loaded in the same rounds: search ready ${baseline.search_ready_ms.toFixed(0)} ms ` +
      `(p25-p75 ${quartiles(baseRuns.map((x) => x.search_ready_ms))} ms), ${baseline.ratio.toFixed(2)}x the bare page (per-round median ${baseline.pair_ratio_median.toFixed(2)}x); ` +
      `this build ${ratio.toFixed(2)}x.`, ''] : []),
    '| part | files | raw | brotli (q11) |', '|---|---|---|---|'];
  for (const [p, t] of Object.entries(transfer)) {
    if (p === 'total' || p === 'bare_page') continue;
    md.push(`| ${p} | ${t.files.join(', ')} | ${kB(t.raw)} | ${kB(t.brotli)} |`);
  }
  md.push(`| **total transferred** | | ${kB(rawTotal)} | **${kB(brTotal)}** (goal < 600 KB: ${brTotal < 600e3 ? 'met' : 'not met'}) |`);
  md.push(`| bare page (for reference) | bare_imgui.js, bare_imgui.wasm | ${kB(transfer.bare_page.raw)} | ${kB(transfer.bare_page.brotli)} |`);
  const out = { explorer: E, bare: B, ...(baseline ? { baseline } : {}), ratio_search_ready_vs_bare: ratio, transfer, goals: [
    { goal: 'explorer search ready within 1.3x the bare ImGui page', value: ratio.toFixed(2) + 'x', met: ratio <= 1.3 },
    { goal: 'total brotli transfer for the demo page under 600 KB', value: kB(brTotal) + ` (${brTotal} bytes)`, met: brTotal < 600e3 }] };
  out.markdown = md.join('\n');
  return out;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  const arg = (name) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
  const opts = {};
  if (arg('--runs')) opts.runs = Number(arg('--runs'));
  if (arg('--base')) opts.base = path.resolve(arg('--base'));
  const r = await pageBench(ROOT, opts);
  console.log(r.markdown);
  if (r.error) { console.error(r.error); process.exit(1); }
}
