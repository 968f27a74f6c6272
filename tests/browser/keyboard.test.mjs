// Keyboard-only use: Tab / Shift+Tab walk the explorer's parts (with a focus ring) and leave it at
// the ends (no focus trap in an embed), Escape clears then leaves the search box, Enter/Space press
// the focused button, ←/→ on the timeline and the tabs, Home/End in the reader, ↑/↓ in the episodes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, openReady, openPage, waitState, saveShot, assert, assertEq } from './harness.mjs';
import { writeSyntheticArchive } from './synth-archive.mjs';

const state = (page) => page.evaluate(() => window.explorer.state());
async function key(page, k) { await page.keyboard.press(k); await page.waitForTimeout(150); return state(page); }
const HOST = `<!doctype html><html><body style="font:16px sans-serif;margin:20px"><p>Before. <a id="before" href="#x">link before</a></p>
<div id="ex" data-transcript-explorer data-bundle="demo.txb" style="height:420px"></div>
<p><a id="after" href="#y">link after</a></p>${'<p>filler</p>'.repeat(40)}<script src="explorer-loader.js"></script></body></html>`;

export const tests = [
  {
    name: 'Tab walks search box, A-, A+, theme, timeline, tabs, list, Copy quote, reader with a focus ring; Enter presses A+; the timeline takes arrows; Escape clears the query, then leaves the box for the reader (protects keyboard-only use)',
    fn: async ({ browser, site }) => {
      const page = await openReady(browser, site.url);
      await page.keyboard.type('llama', { delay: 15 });
      await waitState(page, 's => s.query === "llama"');
      const order = [];
      for (let i = 0; i < 8; i++) order.push((await key(page, 'Tab')).focus);
      assertEq(order.join(' '), 'smaller larger theme timeline tabs list copyQuote reader', 'Tab order');
      let s = await state(page);
      assert(s.focusRing && !s.typing, 'the reader has the focus, with a ring, and the box let go');
      s = await key(page, 'End');
      assert(s.timeMs > 10000000, 'End goes to the end of the transcript: ' + s.timeMs);
      s = await key(page, 'Home');
      assert(s.timeMs < 60000, 'Home goes back to the start: ' + s.timeMs);
      for (const k of ['Shift+Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) s = await key(page, k);
      assertEq(s.focus, 'timeline', 'Shift+Tab walks back');
      const t0 = s.timeMs;
      s = await key(page, 'ArrowRight');
      assert(s.timeMs > t0 + 60000, `→ on the timeline goes to the next topic (${t0} -> ${s.timeMs})`);
      saveShot('keyboard-timeline-focus', await page.screenshot());
      s = await key(page, 'Shift+Tab');
      s = await key(page, 'Shift+Tab');
      assertEq(s.focus, 'larger', 'A+ has the focus');
      s = await key(page, 'Enter');
      assert(Math.abs(s.fontScale - 1.1) < 0.01, 'Enter presses A+: ' + s.fontScale);
      s = await key(page, 'Slash');
      assert(s.typing && s.query === 'llama', '/ gives the search box the caret');
      s = await key(page, 'Escape');
      assert(s.typing && s.query === '', 'Escape clears the query and keeps the caret: ' + JSON.stringify([s.typing, s.query]));
      s = await key(page, 'Escape');
      assert(!s.typing && s.focus === 'reader', 'Escape in an empty box hands the keys to the reader: ' + s.focus);
      await page.context().close();
    },
  },
  {
    name: 'in a blog embed Tab from the link before enters the explorer at the search box with a ring on the canvas, walks its parts, and leaves to the link after; Shift+Tab comes back in at the reader (protects the host page\'s keyboard navigation)',
    fn: async ({ browser, site }) => {
      const page = await openPage(browser, site.url + 'embed.html', { routes: [['**/host.html', (r) => r.fulfill({ contentType: 'text/html', body: HOST })]] });
      await page.goto(site.url + 'host.html');
      await page.waitForFunction(() => { const e = document.getElementById('ex'); return e.transcriptExplorer && e.transcriptExplorer.state().ready; }, null, { timeout: 30000 });
      await page.evaluate(() => { window.explorer = document.getElementById('ex').transcriptExplorer; });
      await page.waitForTimeout(300);
      await page.focus('#before');
      let s = await key(page, 'Tab');
      const active = () => page.evaluate(() => document.activeElement.id || document.activeElement.tagName);
      assertEq(await active(), 'CANVAS', 'Tab from the link before focuses the explorer');
      assertEq(s.focus, 'search', 'at its first part');
      assert(/solid/.test(await page.evaluate(() => window.explorer.canvas.style.outline)), 'the canvas shows a focus ring');
      saveShot('keyboard-embed-entered', await page.screenshot());
      for (let i = 0; i < 8; i++) s = await key(page, 'Tab');
      assertEq(s.focus, 'reader', 'the last part');
      await key(page, 'Tab');
      assertEq(await active(), 'after', 'the next Tab leaves the explorer for the link after');
      s = await key(page, 'Shift+Tab');
      assertEq(await active(), 'CANVAS', 'Shift+Tab comes back');
      assertEq(s.focus, 'reader', 'at the last part');
      await page.context().close();
    },
  },
  {
    name: 'archive: → on the tabs opens Episodes, Tab reaches its filter, ↓ opens the first matching episode, ↑ goes back to the filter (protects choosing an episode by keyboard)',
    fn: async ({ browser, site }) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-kb-'));
      writeSyntheticArchive(path.join(dir, 'src'), 8, 600);
      execFileSync(path.join(ROOT, 'build/transcript'), ['pack', '-o', path.join(dir, 'a.txb'), path.join(dir, 'src')]);
      const bytes = fs.readFileSync(path.join(dir, 'a.txb'));
      fs.rmSync(dir, { recursive: true, force: true });
      const page = await openReady(browser, site.url + '?bundle=kb.txb', { routes: [['**/kb.txb', (r) => r.fulfill({ body: bytes, contentType: 'application/octet-stream' })]] });
      await waitState(page, 's => !s.loading');
      let s;
      for (let i = 0; i < 5; i++) s = await key(page, 'Tab');
      assertEq(s.focus, 'tabs', 'the tabs have the focus');
      await key(page, 'ArrowRight');
      s = await key(page, 'ArrowRight');
      s = await key(page, 'Tab');
      assertEq(s.focus, 'episodeFilter', 'Tab reaches the episode filter');
      await page.keyboard.type('ragan', { delay: 15 });
      await page.waitForTimeout(200);
      s = await key(page, 'ArrowDown');
      assertEq(s.focus, 'list', 'into the list');
      assertEq(s.episode, 5, 'the matching episode (Flo Ragan 1) is open');
      saveShot('keyboard-archive-episode', await page.screenshot());
      s = await key(page, 'ArrowUp');
      assert(s.focus === 'episodeFilter' && s.typing, 'back in the filter');
      await page.context().close();
    },
  },
];
