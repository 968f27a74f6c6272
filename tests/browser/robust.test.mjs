// Embedding safety (docs/security.md): nothing from a bundle or the URL becomes HTML, the page runs
// under a strict Content-Security-Policy with zero violations, it fetches only its own files and
// the bundle it was given, and it writes no cookies or storage.
import fs from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { ROOT, serve, openPage, waitState, typeQuery, assert, assertEq } from './harness.mjs';

const SITE = path.join(ROOT, 'build-web/site');
const EVIL_TITLE = '<script>window.__pwned=1;alert(1)</script><img src=x onerror="window.__pwned=2;alert(2)">';
const EVIL_TEXT = 'hello <script>window.__pwned=3;alert(3)</script> world <img src=x onerror="window.__pwned=4;alert(4)"> ' +
  '<iframe src="javascript:alert(5)"></iframe> <b>bold</b> &lt;escaped&gt; javascript:alert(6) ' +
  '<svg onload="window.__pwned=7"> end of the hostile transcript';

// Pack a bundle whose title, speaker names and text are HTML/script, with the project's packer.
function evilBundle() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-evil-'));
  const vtt = 'WEBVTT\n\n00:00.000 --> 00:02.000\n<v <img src=x onerror=alert(8)>>' + EVIL_TEXT +
    '\n\n00:02.000 --> 00:04.000\n<v <script>alert(9)</script>>second cue with script tags\n';
  fs.writeFileSync(path.join(tmp, 'evil.vtt'), vtt);
  // WebVTT strips cue markup, so the literal tags also go in as plain text (kept verbatim).
  fs.writeFileSync(path.join(tmp, 'evil.txt'), EVIL_TEXT + '\n');
  fs.writeFileSync(path.join(tmp, 'evil.tsv'), 'file\ttitle\nevil.vtt\t' + EVIL_TITLE + '\nevil.txt\t' +
    '"><svg onload=alert(11)>' + EVIL_TITLE + '\n');
  const out = path.join(tmp, 'evil.txb');
  execFileSync(path.join(ROOT, 'build/transcript'), ['pack', '--quiet', '-o', out, path.join(tmp, 'evil.tsv')]);
  const bytes = fs.readFileSync(out);
  fs.rmSync(tmp, { recursive: true, force: true });
  return bytes;
}

// Everything a page could have been tricked into: dialogs, new elements, script side effects.
async function watchPage(page) {
  page.dialogs = [];
  page.on('dialog', (d) => { page.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.requestsSeen = [];
  page.on('request', (r) => page.requestsSeen.push(r.url()));
}
const INIT = () => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
  });
};

async function domSummary(page) {
  return page.evaluate(() => ({
    pwned: window.__pwned || 0,
    tags: [...document.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()).sort().join(','),
    scripts: [...document.scripts].map((s) => s.src ? new URL(s.src).pathname : 'inline').join(','),
    html: document.documentElement.outerHTML,
    title: document.title,
  }));
}

// A server for the site with a Content-Security-Policy header on every response.
function serveWithCsp(dir, policy, extra = {}) {
  const requests = [];
  const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  const server = http.createServer((req, res) => {
    let p = decodeURIComponent(new URL(req.url, 'http://x').pathname).slice(1);
    requests.push('/' + p);
    const headers = { 'Content-Security-Policy': policy, 'Cache-Control': 'no-store' };
    if (extra[p]) { res.writeHead(200, { ...headers, 'Content-Type': 'application/octet-stream' }); res.end(extra[p]); return; }
    if (p === '') p = 'index.html';
    const file = path.join(dir, p);
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404, headers); res.end(); return; }
    res.writeHead(200, { ...headers, 'Content-Type': MIME[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () =>
    resolve({ url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close(), requests })));
}

// The strict policy (docs/security.md). index.html's inline boot <script> and <style> are allowed
// by their SHA-256 hashes, computed here from the shipped file, so the test checks the real page.
export function strictPolicy({ wasm = true } = {}) {
  const html = fs.readFileSync(path.join(SITE, 'index.html'), 'utf8');
  const hash = (s) => `'sha256-${crypto.createHash('sha256').update(s, 'utf8').digest('base64')}'`;
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => hash(m[1]));
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => hash(m[1]));
  return [
    "default-src 'none'",
    `script-src 'self'${wasm ? " 'wasm-unsafe-eval'" : ''} ${scripts.join(' ')}`.trim(),
    `style-src 'self' ${styles.join(' ')}`.trim(),
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

export const tests = [
  {
    name: 'a bundle with <script> and <img onerror> in title, speakers and text never becomes HTML (protects against XSS from bundles)',
    fn: async ({ browser }) => {
      const site = await serve(SITE, '/', { 'evil.txb': evilBundle() });
      const page = await openPage(browser, 'about:blank');
      await watchPage(page);
      await page.goto(site.url);
      const before = await domSummary(await waitReady(page));
      await page.goto(site.url + '?bundle=evil.txb#q=' + encodeURIComponent('<img src=x onerror=alert(10)>'));
      const s = await waitState(page);
      assertEq(s.error, null, 'the hostile bundle is a valid bundle and loads');
      assert(s.words > 20, 'its words are indexed');
      await page.waitForTimeout(300);
      const q = await typeQuery(page, 'script');
      assert(q.totalHits >= 2, 'the <script> text is searchable as words: ' + q.totalHits);
      await typeQuery(page, 'onerror');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(400);
      const after = await domSummary(page);
      assertEq(page.dialogs.length, 0, 'no dialog fired: ' + page.dialogs.join(' | '));
      assertEq(after.pwned, 0, 'no injected handler ran');
      assertEq(after.tags, before.tags, 'the DOM has exactly the elements of the demo page');
      assertEq(after.scripts, before.scripts, 'no new <script> elements');
      assert(!after.html.includes('onerror') && !after.html.includes('alert('), 'no bundle text in the DOM');
      assert(!after.title.includes('<'), 'document.title has no markup: ' + after.title);
      assertEq(page.errors.filter((e) => !/favicon/.test(e)).length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
      site.close();
    },
  },
  {
    name: 'hostile URL parameters and hashes are data, not markup (protects against XSS from links)',
    fn: async ({ browser, site }) => {
      const hostile = [
        '?bundle=' + encodeURIComponent('<img src=x onerror=alert(1)>.txb'),
        '?bundle=' + encodeURIComponent('javascript:alert(1)'),
        '?bundle=' + encodeURIComponent('data:text/html,<script>alert(1)</script>'),
        '#q=' + encodeURIComponent('"><script>alert(1)</script>') + '&ep=99999999999&t=-1',
        '#q=%E0%80%AF%ED%A0%80%FF&ep=0&t=4294967295',
      ];
      for (const suffix of hostile) {
        const page = await openPage(browser, 'about:blank');
        await watchPage(page);
        await page.goto(site.url + suffix);
        const s = await waitState(page);
        await page.waitForTimeout(300);
        const d = await domSummary(page);
        assertEq(page.dialogs.length, 0, suffix + ': no dialog');
        assertEq(d.pwned, 0, suffix + ': nothing ran');
        assert(!/<(img|iframe|svg)\b/i.test(d.html.replace(/<script[\s\S]*?<\/script>/g, '')), suffix + ': no injected elements');
        if (s.ready) assert(typeof s.query === 'string', suffix + ': state is well-formed');
        else assert(typeof s.error === 'string' && s.error.length > 0, suffix + ': a clear error, not a hang');
        await page.context().close();
      }
    },
  },
  {
    name: 'the page loads and searches under a strict CSP with zero violations (protects embeddability)',
    fn: async ({ browser }) => {
      const site = await serveWithCsp(SITE, strictPolicy());
      const page = await openPage(browser, 'about:blank');
      await watchPage(page);
      await page.addInitScript(INIT);
      await page.goto(site.url);
      const s = await waitState(page);
      assertEq(s.error, null, 'loads under the CSP');
      const q = await typeQuery(page, 'metaverse');
      assert(q.totalHits > 0, 'searches under the CSP');
      await page.waitForTimeout(300);
      const v = await page.evaluate(() => window.__csp);
      assertEq(v.length, 0, 'CSP violations: ' + v.join(' | '));
      await page.context().close();
      site.close();
    },
  },
  {
    name: 'without wasm-unsafe-eval the same page reports a CSP violation (the CSP check can fail)',
    fn: async ({ browser }) => {
      const site = await serveWithCsp(SITE, strictPolicy({ wasm: false }));
      const page = await openPage(browser, 'about:blank');
      await page.addInitScript(INIT);
      await page.goto(site.url);
      await page.waitForFunction(() => window.__csp.length > 0, null, { timeout: 20000 });
      const v = await page.evaluate(() => window.__csp);
      assert(v.some((x) => x.startsWith('script-src')), 'the violation names script-src: ' + v.join(' | '));
      await page.context().close();
      site.close();
    },
  },
  {
    name: 'the shipped JS has no eval or new Function (protects the CSP without unsafe-eval)',
    fn: async () => {
      for (const f of ['explorer.js', 'explorer-loader.js']) {
        const js = fs.readFileSync(path.join(SITE, f), 'utf8');
        const bad = js.match(/\beval\s*\(|new\s+Function\s*\(|\bFunction\s*\(\s*["'`]|setTimeout\s*\(\s*["'`]|setInterval\s*\(\s*["'`]/g);
        assertEq(bad, null, f + ' contains dynamic code execution');
      }
    },
  },
  {
    name: 'only the page\'s own files and the given bundle are requested; no cookies or storage are written (protects privacy)',
    fn: async ({ browser }) => {
      const extra = { 'other.txb': fs.readFileSync(path.join(SITE, 'demo.txb')) };
      const site = await serve(SITE, '/', extra);
      const page = await openPage(browser, 'about:blank');
      await watchPage(page);
      await page.goto(site.url + '?bundle=other.txb#q=meta&ep=0&t=60');
      const s = await waitState(page);
      assertEq(s.error, null, 'loads');
      await typeQuery(page, 'open source');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300);
      const allowed = new Set(['/', '/explorer-loader.js', '/explorer.js', '/explorer.wasm', '/other.txb']);
      const urls = page.requestsSeen.filter((u) => !u.startsWith('data:'));
      for (const u of urls) {
        const url = new URL(u);
        assertEq(url.origin, new URL(site.url).origin, 'same origin: ' + u);
        assert(allowed.has(url.pathname), 'an expected file: ' + u);
      }
      assert(!site.requests.includes('/demo.txb'), 'the default bundle is not fetched when another is given');
      const storage = await page.evaluate(async () => ({
        cookie: document.cookie,
        local: localStorage.length,
        session: sessionStorage.length,
        idb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
        caches: self.caches ? (await caches.keys()).length : 0,
        workers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
      }));
      assertEq(JSON.stringify(storage), JSON.stringify({ cookie: '', local: 0, session: 0, idb: 0, caches: 0, workers: 0 }),
        'no storage written');
      assertEq((await page.context().cookies()).length, 0, 'no cookies in the context');
      await page.context().close();
      site.close();
    },
  },
];

async function waitReady(page) {
  const s = await waitState(page);
  assertEq(s.error, null, 'demo loads');
  await page.waitForTimeout(300);
  return page;
}
