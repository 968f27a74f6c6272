// Soak test (docs/security.md): type and clear random queries at frame rate for SOAK_SECONDS
// (default 60) on the demo page, then check that the WASM heap did not grow after warm-up and that
// no frame took longer than SOAK_MAX_FRAME_MS (default 50).
//   node tests/browser/soak.mjs            (needs build-web/site, like run.mjs; SOAK_SITE=DIR soaks another site)
// Frame time: the duration of every requestAnimationFrame callback (the explorer draws one frame
// per callback), measured by a wrapper installed before the page's scripts run; the explorer's own
// state().longestFrameMs is printed too (it includes the warm-up). Heap: state().heapBytes.
import path from 'node:path';
import { ROOT, serve, launch, openPage, waitState, assert } from './harness.mjs';

const SECONDS = Number(process.env.SOAK_SECONDS || 60);
const MAX_FRAME_MS = Number(process.env.SOAK_MAX_FRAME_MS || 50);

// Deterministic "random" queries: words, prefixes, phrases, typos, operators, junk.
let seed = 12345;
const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
const WORDS = ['meta', 'metaverse', 'zuckerberg', 'llama', 'open', 'source', 'jiu', 'jitsu', 'ai', 'the', 'human',
  'facebook', 'reality', 'compete', 'quest', 'fear', 'love', 'future', 'model', 'x', 'zzzz', 'fridman', 'freedman'];
function randomQuery() {
  const n = 1 + Math.floor(rand() * 3);
  const parts = [];
  for (let i = 0; i < n; i++) {
    let w = WORDS[Math.floor(rand() * WORDS.length)];
    const r = rand();
    if (r < 0.15) w = w.slice(0, Math.max(1, w.length - 2)) + '*';
    else if (r < 0.25) w = '-' + w;
    else if (r < 0.3) w = w + 'q';  // typo
    parts.push(w);
  }
  let q = parts.join(rand() < 0.2 ? ' OR ' : ' ');
  if (rand() < 0.15) q = '"' + q + '"';
  return q;
}

const INIT = () => {
  const raf = window.requestAnimationFrame.bind(window);
  window.__frames = { on: false, times: [], slow: [] };
  window.requestAnimationFrame = (cb) => raf((t) => {
    const t0 = performance.now();
    try { cb(t); } finally {
      const ms = performance.now() - t0;
      if (window.__frames.on) {
        window.__frames.times.push(ms);
        if (ms > 50 && window.explorer && window.explorer.state) window.__frames.slow.push([Math.round(ms), window.explorer.state().query]);
      }
    }
  });
};

async function typeAndClear(page, q) {
  await page.keyboard.type(q, { delay: 16 });  // one key per frame
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
}

const site = await serve(process.env.SOAK_SITE || path.join(ROOT, 'build-web/site'));  // SOAK_SITE: another build's site, to compare
const browser = await launch();
let failed = false;
try {
  const page = await openPage(browser, 'about:blank');
  await page.addInitScript(INIT);
  await page.goto(site.url);
  const s0 = await waitState(page);
  assert(s0.ready, 'the demo loads: ' + s0.error);
  await waitState(page, 's => s.typing');
  assert(typeof s0.heapBytes === 'number' && s0.heapBytes > 0, 'state().heapBytes is reported');
  // A fixed pool of random queries; the warm-up types each once (so every result set, and thus
  // the heap's peak, has been reached), then the soak types random picks from it, key by key.
  const POOL = Array.from({ length: 40 }, randomQuery);
  let warm = 0;
  for (const q of POOL) { await typeAndClear(page, q); warm++; }
  const heapAfterWarm = (await page.evaluate(() => window.explorer.state())).heapBytes;
  await page.evaluate(() => { window.__frames.on = true; });
  const end = Date.now() + SECONDS * 1000;
  let queries = 0, maxHits = 0;
  while (Date.now() < end) {
    const q = POOL[Math.floor(rand() * POOL.length)];
    await page.keyboard.type(q, { delay: 16 });
    maxHits = Math.max(maxHits, (await page.evaluate(() => window.explorer.state())).totalHits);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    queries++;
  }
  const s1 = await page.evaluate(() => window.explorer.state());
  const times = await page.evaluate(() => window.__frames.times);
  times.sort((a, b) => a - b);
  const longest = times[times.length - 1] || 0;
  const p99 = times[Math.floor(times.length * 0.99)] || 0;
  const over = times.filter((t) => t > MAX_FRAME_MS).length;
  console.log(`soak: ${SECONDS} s, ${warm} warm-up + ${queries} queries, ${times.length} frames, ` +
    `longest ${longest.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ${over} over ${MAX_FRAME_MS} ms; ` +
    `heap ${s0.heapBytes} -> ${heapAfterWarm} (warm) -> ${s1.heapBytes} bytes; most hits ${maxHits}; ` +
    `explorer longestFrameMs (incl. warm-up) ${s1.longestFrameMs.toFixed(1)}`);
  const slow = await page.evaluate(() => window.__frames.slow);
  if (slow.length) console.log('soak: slow frames [ms, query]: ' + JSON.stringify(slow.slice(0, 20)));
  assert(queries > 20 && times.length > SECONDS * 10, 'the soak actually typed and drew');
  assert(s1.heapBytes === heapAfterWarm, `WASM heap grew after warm-up: ${heapAfterWarm} -> ${s1.heapBytes}`);
  assert(over === 0, `${over} frames took longer than ${MAX_FRAME_MS} ms (longest ${longest.toFixed(1)} ms)`);
  assert(page.errors.length === 0, 'no page errors: ' + page.errors.join(' | '));
  await page.context().close();
} catch (e) {
  failed = true;
  console.log('FAIL soak: ' + String(e.stack || e).split('\n').slice(0, 3).join('\n     '));
}
await browser.close();
site.close();
process.exit(failed ? 1 : 0);
