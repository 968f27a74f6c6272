// Keyboard-only use: Tab / Shift+Tab walk the explorer's parts (with a focus ring) and leave it at
// the ends (no focus trap in an embed), Escape clears then leaves the search box, Enter/Space press
// the focused button, ←/→ on the timeline and the tabs, Home/End in the reader, ↑/↓ in the episodes,
// the Topics tab's rows and "Show all topics", "Open media at this moment", PageUp/PageDown in a list.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, DEMO_TXT, openReady, waitState, saveShot, assert, assertEq, pressKey, tabTo, openHost, pixelStats } from './harness.mjs';
import { writeSyntheticArchive, topicArchive } from './synth-archive.mjs';

const state = (page) => page.evaluate(() => window.explorer.state());
const key = pressKey;  // press, then the state after the key's frames
const HOST = `<!doctype html><html><body style="font:16px sans-serif;margin:20px"><p>Before. <a id="before" href="#x">link before</a></p>
<div id="ex" data-transcript-explorer data-bundle="demo.txb" style="height:420px"></div>
<p><a id="after" href="#y">link after</a></p>${'<p>filler</p>'.repeat(40)}<script src="explorer-loader.js"></script></body></html>`;

// Pack `inputs` (transcripts or a manifest) with build/transcript and return the bundle's bytes.
function pack(dir, inputs) {
  execFileSync(path.join(ROOT, 'build/transcript'), ['pack', '-o', path.join(dir, 'a.txb'), ...inputs]);
  const bytes = fs.readFileSync(path.join(dir, 'a.txb'));
  fs.rmSync(dir, { recursive: true, force: true });
  return bytes;
}
const bundleRoute = (name, bytes) => [`**/${name}`, (r) => r.fulfill({ body: bytes, contentType: 'application/octet-stream' })];

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
    name: 'in a blog embed Tab from the link before enters the explorer at the search box (its text field) with a ring on the canvas, walks its parts, and leaves to the link after; Shift+Tab comes back in at the reader (protects the host page\'s keyboard navigation)',
    fn: async ({ browser, site }) => {
      const page = await openHost(browser, site, 'host.html', HOST);
      await page.focus('#before');
      let s = await key(page, 'Tab');
      const active = () => page.evaluate(() => document.activeElement.id || document.activeElement.tagName);
      // the search box has the keys: the page focus is on its text field (named, for screen readers)
      assertEq(await page.evaluate(() => document.activeElement.className), 'tx-search-field', 'Tab from the link before focuses the explorer\'s search field');
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
      const bytes = pack(dir, [path.join(dir, 'src')]);
      const page = await openReady(browser, site.url + '?bundle=kb.txb', { routes: [bundleRoute('kb.txb', bytes)] });
      await waitState(page, 's => !s.loading');
      let s = await tabTo(page, 'tabs');
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
      await page.evaluate(() => { window.__flog = []; const d = (e) => (e ? (e.tagName + '.' + (e.className || '')) : 'null');
        for (const t of ['focus', 'blur']) window.addEventListener(t, (e) => window.__flog.push(t + ' ' + d(e.target) + ' <- ' + d(e.relatedTarget) + ' @' + Math.round(performance.now())), true);
        for (const t of ['keydown', 'keyup']) window.addEventListener(t, (e) => window.__flog.push(t + ' ' + e.key + ' on ' + d(e.target) + ' @' + Math.round(performance.now())), true); });
      s = await key(page, 'ArrowUp');
      // the filter takes the caret a frame or two after the page's focus moved to its text field
      s = await waitState(page, 's => s.focus === "episodeFilter" && s.typing', 3000).catch(() => s);
      const dbg = await page.evaluate(() => [window.__flog, document.activeElement && document.activeElement.tagName]);
      assert(s.focus === 'episodeFilter' && s.typing, 'back in the filter: ' + JSON.stringify([s.focus, s.typing, s.pageFocus, s.filterCaretPending, s.activeId, s.activeLog, s.frames, s.a11y, dbg]));
      await page.keyboard.press('Control+A');
      await key(page, 'Backspace');
      s = await key(page, 'ArrowDown');
      assert(s.focus === 'list' && s.episode === 5, 'the open episode is kept when the filter is cleared');
      s = await key(page, 'PageDown');
      assert(s.focus === 'list' && s.episode > 6, 'PageDown in the episode list opens one a page further: ' + s.episode);
      await page.context().close();
    },
  },
  {
    name: 'Topics tab: Tab reaches its list, ↓ moves a cursor row, Enter jumps the reader to that topic and highlights it as a click does, PageDown/End page the list (not the reader), "Show all topics" is in the Tab order (protects choosing a topic by keyboard)',
    fn: async ({ browser, site }) => {
      const page = await openReady(browser, site.url);
      await waitState(page, 's => s.topics >= 5');
      let s = await tabTo(page, 'tabs');
      s = await key(page, 'ArrowRight');
      s = await key(page, 'Tab');
      assertEq(s.focus, 'list', 'Tab from the Topics tab reaches its list');
      assertEq(s.topicCursor, 0, 'the cursor starts at the topic being read');
      await key(page, 'ArrowDown');
      s = await key(page, 'ArrowDown');
      assertEq(s.topicCursor, 2, '↓↓: the 3rd topic');
      assertEq(s.timeMs, 0, 'moving the cursor does not move the reader');
      saveShot('keyboard-topics-list', await page.screenshot());
      s = await key(page, 'Enter');
      assertEq(s.timeMs, s.topicStarts[2], "Enter: the reader is at the 3rd topic's start");
      assert(s.highlightedGroup >= 0, 'Enter highlights the topic, as a click does');
      const at = s.timeMs;
      s = await key(page, 'PageDown');
      assert(s.topicCursor > 3, 'PageDown moves the cursor a page down the list: ' + s.topicCursor);
      assertEq(s.timeMs, at, 'PageDown in the list leaves the reader where it is');
      s = await key(page, 'End');
      assertEq(s.topicCursor, s.topicStarts.length - 1, 'End: the last topic');
      saveShot('keyboard-topics-end', await page.screenshot());
      s = await key(page, 'Shift+Tab');
      assertEq(s.focus, 'showAllTopics', 'Shift+Tab from the list: "Show all topics"');
      s = await key(page, 'Space');
      assert(s.highlightedGroup === -1 && s.focus === 'list', 'Space shows all topics; the list keeps the keys: ' + s.focus);
      s = await key(page, 'Tab');
      assertEq(s.focus, 'copyQuote', 'then Copy quote');
      await page.context().close();
    },
  },
  {
    name: 'the search syntax and keys show under the empty search box when the keyboard brings the caret there (Shift+Tab back, or Escape then /), and go once a letter is typed; the box focused at load shows none (protects finding the syntax and keys without a mouse: only a hover showed them)',
    fn: async ({ browser, site }) => {
      const page = await openReady(browser, site.url);
      let s = await state(page);
      assert(s.typing && s.tooltip === null, 'the box focused at load, with no ring, shows no help: ' + JSON.stringify(s.tooltip));
      await key(page, 'Tab');
      s = await key(page, 'Shift+Tab');
      assert(s.typing && s.focusRing, 'Shift+Tab brought the caret back with the ring');
      const box = s.searchBox;
      assert(s.tooltip !== null && s.tooltip[1] >= box[1] + box[3] && Math.abs(s.tooltip[0] - box[0]) < 2,
        `the help is under the box: ${JSON.stringify(s.tooltip)} vs box ${JSON.stringify(box)}`);
      assert(s.tooltip[3] > 150, 'and holds the syntax and keys: ' + s.tooltip[3] + ' px high');
      saveShot('keyboard-search-help', await page.screenshot());
      await page.keyboard.type('l');
      await waitState(page, 's => s.query === "l"');
      s = await key(page, 'Backspace');
      assertEq(s.query, '', 'the box is empty again');
      s = await key(page, 'Escape');
      assert(!s.typing && s.tooltip === null, 'Escape in the empty box leaves it, and the help goes');
      s = await key(page, '/');
      assert(s.typing && s.tooltip !== null, '/ brings the caret and the help back');
      s = await key(page, 'm');
      assertEq(s.tooltip, null, 'a typed letter takes the help away');
      await page.context().close();
    },
  },
  {
    name: 'Ctrl+= / Ctrl+- / Ctrl+0 change the text size while the search box has the keys, as they do in the reader, within the same limits (0.7 to 2), and leave the query alone (protects the text size keys: the box let them through, and a real browser zoomed the page instead; the page\'s field now asks the explorer\'s own step, tx_step_font)',
    fn: async ({ browser, site }) => {
      const page = await openReady(browser, site.url);
      await key(page, 'Escape');
      let s = await key(page, '/');
      assert(s.typing, '/ gives the search box the keys');
      await page.keyboard.type('llama', { delay: 15 });
      await waitState(page, 's => s.query === "llama"');
      s = await key(page, 'Control+Equal');
      s = await waitState(page, 's => s.fontScale > 1.05');
      assert(Math.abs(s.fontScale - 1.1) < 0.01, 'Ctrl+= in the box enlarges the text once: ' + s.fontScale);
      await key(page, 'Control+Minus');
      s = await key(page, 'Control+Minus');
      s = await waitState(page, 's => s.fontScale < 0.95');
      assert(Math.abs(s.fontScale - 0.9) < 0.01, 'Ctrl+- makes it smaller: ' + s.fontScale);
      s = await key(page, 'Control+Digit0');
      s = await waitState(page, 's => Math.abs(s.fontScale - 1) < 0.01');
      // the limits: 14 steps up stop at 2, 16 down at 0.7 (the buttons' and the canvas keys' limits)
      const settle = async () => { await page.waitForTimeout(300); return page.evaluate(() => window.explorer.state()); };
      for (let i = 0; i < 14; i++) await page.keyboard.press('Control+Equal');
      s = await settle();
      assert(Math.abs(s.fontScale - 2) < 0.001, 'Ctrl+= stops at twice the size: ' + s.fontScale);
      s = await key(page, 'Control+Minus');
      assert(Math.abs(s.fontScale - 1.9) < 0.01, 'one step down from the top: ' + s.fontScale);
      for (let i = 0; i < 16; i++) await page.keyboard.press('Control+Minus');
      s = await settle();
      assert(Math.abs(s.fontScale - 0.7) < 0.001, 'Ctrl+- stops at 0.7: ' + s.fontScale);
      s = await key(page, 'Control+Digit0');
      s = await waitState(page, 's => Math.abs(s.fontScale - 1) < 0.01');
      assertEq(s.query, 'llama', 'the query is untouched');
      assert(s.typing, 'and the box keeps the keys');
      await page.context().close();
    },
  },
  {
    name: 'PageDown in the focused results list selects a result a page further; with a button focused it scrolls the reader (protects paging a list from the keyboard)',
    fn: async ({ browser, site }) => {
      const page = await openReady(browser, site.url);
      await page.keyboard.type('people', { delay: 15 });
      let s = await waitState(page, 's => s.query === "people" && s.results > 20');
      s = await tabTo(page, 'list');
      s = await key(page, 'ArrowDown');
      assertEq(s.selected, 0, '↓ selects the first result');
      s = await key(page, 'PageDown');
      assert(s.selected >= 2, 'PageDown selects a result a page further: ' + s.selected);
      const sel = s.selected;
      s = await key(page, 'PageUp');
      assert(s.selected < sel, 'PageUp goes back: ' + s.selected);
      for (let i = 0; i < 4; i++) s = await key(page, 'Shift+Tab');
      assertEq(s.focus, 'larger', 'A+ has the focus');
      const t0 = s.timeMs;
      s = await key(page, 'PageDown');
      assert(s.timeMs > t0, `PageDown with a button focused scrolls the reader (${t0} -> ${s.timeMs})`);
      await page.context().close();
    },
  },
  {
    name: '"Open media at this moment" is in the Tab order after Dark/Light, and Enter opens the media link at the reader\'s time (protects the media link for keyboard users)',
    fn: async ({ browser, site }) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-kb-'));
      fs.copyFileSync(DEMO_TXT, path.join(dir, 'ep.txt'));
      fs.writeFileSync(path.join(dir, 'm.tsv'), 'file\ttitle\tmedia_url\nep.txt\tWith media\thttps://example.org/ep.mp3\n');
      const bytes = pack(dir, [path.join(dir, 'm.tsv')]);
      const page = await openReady(browser, site.url + '?bundle=media.txb', {
        routes: [bundleRoute('media.txb', bytes)],
        init: 'window.open = (u) => { window.__opened = u; return null; };',
      });
      await page.evaluate(() => window.explorer.seek({ episode: 0, timeMs: 125000 }));
      let s;
      const order = [];
      for (let i = 0; i < 5; i++) order.push((s = await key(page, 'Tab')).focus);
      assertEq(order.join(' '), 'smaller larger theme media timeline', 'Tab order');
      s = await key(page, 'Shift+Tab');
      assertEq(s.focus, 'media', 'Shift+Tab back to the media button');
      saveShot('keyboard-media-focus', await page.screenshot());
      await key(page, 'Enter');
      const opened = await page.evaluate(() => window.__opened);
      assertEq(opened, `https://example.org/ep.mp3?t=${Math.floor(s.timeMs / 1000)}`, 'Enter opens the media link at the reader\'s time');
      await page.context().close();
    },
  },
];

// The part of a screenshot `png` at rect r (x, y, w, h in canvas px; c: the canvas on the page):
// its most common colour.
async function rectColour(page, png, c, r) {
  const region = { x: Math.round(c.x + r[0] + 3), y: Math.round(c.y + r[1] + 2), w: Math.max(1, Math.round(r[2] - 6)), h: Math.max(1, Math.round(r[3] - 4)) };
  return (await pixelStats(page, png, region)).commonest;
}

tests.push({
  name: 'archive: the Episodes tab\'s recurring topic rows are in the Tab walk between the tabs and the filter, with a focus ring and a cursor row; ↓/End move the cursor, Enter chooses a row as a click does, "Show all episodes" is in the walk and Space presses it (protects choosing a recurring topic by keyboard)',
  fn: async ({ browser, site }) => {
    const page = await openReady(browser, site.url + '?bundle=rec.txb', { width: 1100, height: 760, routes: [bundleRoute('rec.txb', topicArchive())] });
    let s = await waitState(page, 's => !s.loading && !s.topicsPending && s.recurringTopics >= 2', 30000);
    s = await tabTo(page, 'tabs');
    await key(page, 'ArrowRight');
    s = await key(page, 'ArrowRight');
    assertEq(s.tabs.Episodes !== undefined && s.topicList.rows.length >= 2, true, 'the Episodes tab shows the recurring topics');
    const rows = s.topicList.rows;
    const c = await page.evaluate(() => { const b = window.explorer.canvas.getBoundingClientRect(); return { x: b.left, y: b.top }; });
    const before = await page.screenshot();
    s = await key(page, 'Tab');
    assertEq(s.focus, 'recurringTopics', 'Tab from the tabs reaches the recurring topics');
    assert(s.focusRing, 'with a focus ring');
    assertEq(s.recurringCursor, 0, 'the cursor starts at the first row (none chosen)');
    const t0 = s.timeMs, ep0 = s.episode;
    let png = await page.screenshot();
    saveShot('keyboard-recurring-focus', png);
    assert(await rectColour(page, png, c, rows[0].rect) !== await rectColour(page, before, c, rows[0].rect), 'the cursor row is drawn apart');
    s = await key(page, 'ArrowDown');
    assertEq(s.recurringCursor, 1, '↓ moves the cursor to the second row');
    assertEq(s.chosenTopic, -1, 'moving the cursor chooses nothing');
    assert(s.timeMs === t0 && s.episode === ep0, 'nor moves the reader');
    png = await page.screenshot();
    assertEq(await rectColour(page, png, c, rows[0].rect), await rectColour(page, before, c, rows[0].rect), 'the first row is drawn as before once the cursor left it');
    s = await key(page, 'Enter');
    assertEq(s.chosenTopic, rows[1].topic, 'Enter chooses the row under the cursor');
    assertEq(s.episodeRows, rows[1].episodes.length, 'the list keeps the episodes with that topic, as a click does');
    assertEq(s.focus, 'recurringTopics', 'the rows keep the keys');
    saveShot('keyboard-recurring-chosen', await page.screenshot());
    s = await key(page, 'End');
    assertEq(s.recurringCursor, rows.length - 1, 'End: the last row');
    s = await key(page, 'Home');
    assertEq(s.recurringCursor, 0, 'Home: the first row');
    s = await key(page, 'Shift+Tab');
    assertEq(s.focus, 'showAllEpisodes', 'Shift+Tab from the rows: "Show all episodes"');
    s = await key(page, 'Space');
    assert(s.chosenTopic === -1 && s.episodeRows === 4, 'Space shows all episodes: ' + s.chosenTopic);
    assertEq(s.focus, 'recurringTopics', 'the rows take the keys when the button goes away');
    const order = [];
    for (let i = 0; i < 2; i++) order.push((s = await key(page, 'Tab')).focus);
    assertEq(order.join(' '), 'episodeFilter list', 'then the filter and the list');
    s = await key(page, 'Shift+Tab');
    s = await key(page, 'Shift+Tab');
    assertEq(s.focus, 'recurringTopics', 'Shift+Tab from the filter goes back to the rows');
    assertEq(page.errors.join('\n'), '', 'no page errors');
    await page.context().close();
  },
});
