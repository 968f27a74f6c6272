// Findings of the first-time-user audit of 2026-11-28 (the reader, the blogger, the offline
// reader), each pinned by a test that fails without its fix.
import http from 'node:http';
import { openPage, openReady, waitState, pressKey, regionPixels, saveShot, assert, assertEq } from './harness.mjs';

// WCAG 2 relative luminance and contrast ratio of two [r, g, b] colours (0-255).
function luminance([r, g, b]) {
  const lin = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a, b) {
  const la = luminance(a), lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

// The contrast of a drawn label: between the commonest colour of its box (the segment's fill) and
// the pixel of the box that differs most from it (the core of a glyph).
async function labelContrast(page, png, rect) {
  const { data } = await regionPixels(page, png, rect);
  const counts = new Map();
  for (let i = 0; i < data.length; i += 4) {
    const c = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
    counts.set(c, (counts.get(c) || 0) + 1);
  }
  const fillKey = [...counts].sort((x, y) => y[1] - x[1])[0][0];
  const fill = [fillKey >> 16, (fillKey >> 8) & 255, fillKey & 255];
  let best = 1;
  for (let i = 0; i < data.length; i += 4) best = Math.max(best, contrast(fill, [data[i], data[i + 1], data[i + 2]]));
  return { fill, ratio: best };
}

export const tests = [
  {
    name: 'the timeline\'s topic labels contrast at least 4:1 with their segment in both themes (protects the dark theme\'s labels: white on the orange, green and yellow segments was 2.2-2.7:1)',
    fn: async ({ browser, site }) => {
      const page = await openReady(browser, site.url, { width: 1280, height: 800, dpr: 1 });
      for (const dark of [false, true]) {
        const f0 = (await page.evaluate(() => window.explorer.state())).frames;
        await page.evaluate((d) => window.explorer.setDark(d), dark);
        const s = await waitState(page, `s => s.dark === ${dark} && s.frames >= ${f0 + 2} && s.topicLabels.length >= 5`);
        const at = await page.evaluate(() => { const r = window.explorer.canvas.getBoundingClientRect(); return { x: r.left, y: r.top }; });
        const png = await page.screenshot();
        saveShot(`audit-labels-${dark ? 'dark' : 'light'}`, await page.screenshot({ clip: { x: 0, y: at.y, width: 1280, height: 200 } }));
        for (const l of s.topicLabels) {
          const [x, y, w, h] = l.rect;
          const rect = { x: Math.round(at.x + x), y: Math.round(at.y + y), w: Math.round(w), h: Math.round(h) };
          const { fill, ratio } = await labelContrast(page, png, rect);
          assert(ratio >= 4, `${dark ? 'dark' : 'light'} theme: label "${l.text}" on rgb(${fill}) has contrast ${ratio.toFixed(2)}:1`);
        }
      }
      assertEq(page.errors.join('\n'), '', 'no page errors');
      await page.context().close();
    },
  },
  {
    name: 'a bundle that gets no response, or whose download breaks off, fails with its URL and the usual causes, as an HTTP error does (protects a clear error: the page said only "Failed to fetch")',
    fn: async ({ browser, site }) => {
      // a server on another origin that sends the headers and 1,000 of 100,000 bytes, then hangs up
      const server = http.createServer((req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': 100000, 'Access-Control-Allow-Origin': '*' });
        res.write(Buffer.alloc(1000, 1), () => setTimeout(() => res.socket.destroy(), 100));
      });
      await new Promise((r) => server.listen(0, '127.0.0.1', r));
      const port = server.address().port;
      const closed = http.createServer();  // a port nothing listens on any more: connection refused
      await new Promise((r) => closed.listen(0, '127.0.0.1', r));
      const refusedPort = closed.address().port;
      await new Promise((r) => closed.close(r));
      try {
        for (const [what, url] of [['broken off', `http://127.0.0.1:${port}/cut.txb`], ['refused', `http://127.0.0.1:${refusedPort}/gone.txb`], ['not a URL', 'http://[::1']]) {
          const page = await openPage(browser, site.url + '?bundle=' + encodeURIComponent(url));
          const s = await waitState(page);
          assert(s.error && s.error.startsWith(`Could not download ${url} (`), `${what}: the error names the download: ${s.error}`);
          // a URL the browser cannot parse says so, without the causes of a failed connection
          assertEq(/Access-Control-Allow-Origin/.test(s.error), what !== 'not a URL', `${what}: the usual causes, where they apply: ${s.error}`);
          if (what === 'refused') saveShot('audit-bundle-refused', await page.screenshot());
          await page.context().close();
        }
      } finally {
        server.close();
      }
    },
  },
  {
    name: 'the keyboard focus ring contrasts at least 3:1 with the page around it in both themes (protects a visible focus: the light theme\'s ring was ImGui\'s light blue at 80%, 2.3:1)',
    fn: async ({ browser, site }) => {
      const page = await openReady(browser, site.url, { width: 1280, height: 800, dpr: 1 });
      for (let i = 0; i < 8 && (await pressKey(page, 'Tab')).focus !== 'timeline'; ++i);
      for (const dark of [false, true]) {
        const f0 = (await page.evaluate(() => window.explorer.state())).frames;
        await page.evaluate((d) => window.explorer.setDark(d), dark);
        const s = await waitState(page, `s => s.dark === ${dark} && s.frames >= ${f0 + 2} && s.focus === 'timeline' && s.focusRing`);
        const at = await page.evaluate(() => { const r = window.explorer.canvas.getBoundingClientRect(); return { x: r.left, y: r.top }; });
        const [tx, ty, tw] = s.timeline;
        const x = Math.round(at.x + tx + tw * 0.75), y = Math.round(at.y + ty);
        const png = await page.screenshot();
        saveShot(`audit-focus-ring-${dark ? 'dark' : 'light'}`, await page.screenshot({ clip: { x: 0, y: at.y, width: 1280, height: 200 } }));
        // the ring is a 2 px line just above the strip; the page's background 7 px above it
        const { data } = await regionPixels(page, png, { x, y: y - 7, w: 1, h: 7 });
        const bg = [data[0], data[1], data[2]];
        let ring = 1;
        for (let k = 4 * 3; k < data.length; k += 4) ring = Math.max(ring, contrast(bg, [data[k], data[k + 1], data[k + 2]]));
        assert(ring >= 3, `${dark ? 'dark' : 'light'} theme: the focus ring's contrast with rgb(${bg}) is ${ring.toFixed(2)}:1`);
      }
      assertEq(page.errors.join('\n'), '', 'no page errors');
      await page.context().close();
    },
  },
  {
    name: 'in the page, Back to a place before a search restores it with no search, as opening its link in a new tab does (protects history: the query stayed and was written back into the old place\'s hash)',
    fn: async ({ browser, site }) => {
      const page = await openReady(browser, site.url + '#t=100');
      await page.evaluate(() => { location.hash = '#q=llama&t=2000'; });  // a link followed in the same tab
      await waitState(page, (s) => s.query === 'llama' && s.timeMs === 2000000);
      await page.goBack();
      const s = await waitState(page, (s) => s.timeMs === 100000, 5000);
      assertEq(s.query, '', 'Back to #t=100 has no search');
      await waitState(page, (s) => !/q=/.test(s.hash), 5000);
      assert(!/q=/.test(await page.evaluate(() => location.hash)), 'the hash of the place gone back to gets no q');
      await page.goForward();
      assertEq((await waitState(page, (s) => s.timeMs === 2000000, 5000)).query, 'llama', 'Forward brings the search back');
      assertEq(page.errors.join('\n'), '', 'no page errors');
      await page.context().close();
    },
  },
  {
    name: 'the first result for open source, the docs\' embed example, begins with the words "open source", not a lone "source" (protects snippets of multi-word queries: the context was cut between the two words)',
    fn: async ({ browser, site }) => {
      const page = await openReady(browser, site.url + '?q=' + encodeURIComponent('open source'));
      await waitState(page, 's => s.query === "open source" && s.results > 0');
      // ↓ from the box opens the first result; the page publishes its time and first words
      await waitState(page, 's => s.typing');
      assertEq((await pressKey(page, 'ArrowDown')).selected, 0, 'the first result is selected');
      const words = (await waitState(page, (s) => /result 1 of/.test(s.a11y.focus), 5000)).a11y.focus;
      assert(/open source/.test(words) && !/\bsource\b/.test(words.replace(/open source/g, '')), 'every "source" of the row goes with its "open": ' + words);
      assertEq(page.errors.join('\n'), '', 'no page errors');
      await page.context().close();
    },
  },
  {
    name: 'the page takes ?q= once: its address keeps the search in the hash only, so a search cleared before a reload stays cleared (protects reloads after ?q=: the stale ?q= brought the search back)',
    fn: async ({ browser, site }) => {
      const page = await openReady(browser, site.url + '?bundle=demo.txb&q=llama&t=600');
      await waitState(page, (s) => s.query === 'llama' && s.timeMs === 600000 && /q=llama/.test(s.hash));
      await page.waitForFunction(() => location.hash.includes('q=llama'));
      assertEq(await page.evaluate(() => location.search), '?bundle=demo.txb', 'the address keeps ?bundle= and drops ?q= and ?t=');
      await page.evaluate(() => window.explorer.setQuery(''));
      await waitState(page, (s) => s.query === '' && !/q=/.test(s.hash));
      await page.waitForFunction(() => !location.hash.includes('q='));
      await page.evaluate(() => window.explorer.seek({ episode: 0, timeMs: 1290000 }));
      await page.waitForFunction(() => location.hash.includes('t=1290'));
      await page.reload();
      const s = await waitState(page, (s) => s.ready && s.timeMs === 1290000);
      assertEq(s.query, '', 'the cleared search stays cleared after a reload');
      assertEq(page.errors.join('\n'), '', 'no page errors');
      await page.context().close();
    },
  },
  {
    name: 'the "Open transcripts…" button\'s tooltip names every file type the file picker takes (protects the hint: it left out .sbv, .ttml and .dfxp, which open fine)',
    fn: async ({ browser, site }) => {
      const page = await openReady(browser, site.url);
      const { title, accept } = await page.evaluate(() => ({ title: document.querySelector('button.tx-open').title, accept: document.querySelector('.tx-open-input').accept }));
      const missing = accept.split(',').filter((t) => t.startsWith('.') && t !== '.htm' && !title.includes(t + ' ') && !title.includes(t + ','));
      assertEq(missing.join(' '), '', 'types the tooltip leaves out (it reads: ' + title + ')');
      await page.context().close();
    },
  },
  {
    name: 'on a fresh page, "/" then a word searches the word, as the README\'s "/ focuses the search box" reads: the box already has the caret, and "/" into it is not typed (protects the first search: "/llama" was searched and linked as q=%2Fllama)',
    fn: async ({ browser, site }) => {
      const page = await openReady(browser, site.url);
      await waitState(page, 's => s.typing');  // the fresh page's box has the keys
      await page.keyboard.type('/llama', { delay: 20 });
      const s = await waitState(page, 's => s.query.endsWith("llama")');
      assertEq(s.query, 'llama', 'the query');
      // a "/" after other text stays: it is part of what is typed
      await page.keyboard.type(' ac/dc', { delay: 20 });
      assertEq((await waitState(page, 's => s.query.endsWith("dc")')).query, 'llama ac/dc', 'a later "/" is kept');
      assertEq(page.errors.join('\n'), '', 'no page errors');
      await page.context().close();
    },
  },
];
