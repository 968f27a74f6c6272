// Screen readers: what happens on the canvas is put in two visually hidden polite live regions
// (the search status once a query settled; the keyboard focus's item), and while the search box has
// the keyboard's keys the page's focus is on a named text field over it ("Search the transcript").
// Protects: the spoken status agreeing with the drawn one, the focused result named by its time and
// words, the field's role/name in the accessibility tree, and that none of it shows on the page.
import path from 'node:path';
import { ROOT, openReady, waitState, settle, until, saveShot, assert, assertEq, pressKey, openHost } from './harness.mjs';
import { topicArchive } from './synth-archive.mjs';

const state = (page) => page.evaluate(() => window.explorer.state());
const key = pressKey;  // press, then the state after the key's frames
// A drawn text as the live regions say it: the middle dots between parts read as commas (for_speech)
const spoken = (t) => t.split(' \u00b7 ').join(', ');
const liveText = (page, cls) => page.evaluate((c) => { const e = document.querySelector('.' + c); return e ? e.textContent : null; }, cls);
// Wait until the live region `cls` holds a text for which pred(text) is true; @return the text.
async function waitLive(page, cls, pred, what) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const t = await liveText(page, cls);
    if (t !== null && pred(t)) return t;
    if (Date.now() > deadline) throw new Error(`live region .${cls} never got ${what}; it holds ${JSON.stringify(t)}`);
    await page.waitForTimeout(50);
  }
}
// "12:34" / "1:02:03" for ms, as the page writes times (independent of the code under test)
function clock(ms) {
  const t = Math.floor(ms / 1000), h = Math.floor(t / 3600), m = Math.floor(t / 60) % 60, s = t % 60;
  const p = (n) => String(n).padStart(2, '0');
  return h ? `${h}:${p(m)}:${p(s)}` : `${m}:${p(s)}`;
}
// The page's accessibility tree as Chromium gives it to screen readers (this playwright has no
// page.accessibility): [{ role, name, description, focused, ignored }].
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.map((n) => ({
    role: n.role && n.role.value, name: n.name && n.name.value, ignored: n.ignored,
    description: n.description && n.description.value,
    focused: (n.properties || []).some((p) => p.name === 'focused' && p.value.value),
  }));
}

// Wait until the page's focus is on a text field named `name`; @return its node in the
// accessibility tree (a text box or search box by that name, not ignored) and the whole tree.
async function focusedField(page, name) {
  await page.waitForFunction((n) => document.activeElement && document.activeElement.getAttribute('aria-label') === n, name, { timeout: 3000 });
  const tree = await axTree(page);
  return { field: tree.find((n) => !n.ignored && n.name === name && (n.role === 'searchbox' || n.role === 'textbox')), tree };
}

export const tests = [
  {
    name: 'typing a query puts the drawn status (its hit count) in the status live region; Tab into the results and ↓ name the selected result by its time and words (protects screen-reader feedback from the canvas)',
    fn: async ({ browser, site }) => {
      const page = await openReady(browser, site.url);
      await page.keyboard.type('llama', { delay: 15 });
      let s = await waitState(page, 's => s.query === "llama" && s.totalHits > 0');
      const status = await waitLive(page, 'tx-live-status', (t) => t.length > 0, 'the status');
      s = await state(page);
      // the drawn status line, its parts ("17 matches · 15 passages") told apart by commas, not by "·"
      // (which some screen readers read aloud)
      assert(s.status.includes('\u00b7'), 'the drawn status has parts: ' + s.status);
      assertEq(status, spoken(s.status), 'the live status is the drawn status line, read with pauses');
      assert(status.includes(s.totalHits.toLocaleString('en-US')), `the live status has the hit count ${s.totalHits}: ${status}`);
      assertEq(s.a11y.status, status, 'what the explorer publishes is what the live region says');
      const order = [];
      for (let i = 0; i < 6; i++) order.push((s = await key(page, 'Tab')).focus);
      assertEq(order.join(' '), 'smaller larger theme timeline tabs list', 'Tab order');
      s = await key(page, 'ArrowDown');
      s = await key(page, 'ArrowDown');
      assert(s.selected >= 0, 'a result is selected');
      const want = `result ${s.selected + 1} of ${s.results}`;
      const focus = await waitLive(page, 'tx-live-focus', (t) => t.includes(want), want);
      assert(focus.startsWith(clock(s.timeMs)), `the focused result is named by its time ${clock(s.timeMs)}: ${focus}`);
      assert(/llama/i.test(focus), 'and by its words: ' + focus);
      assertEq(focus, s.a11y.focus, 'the live focus is what the explorer publishes');
      assertEq(await page.evaluate(() => document.activeElement === window.explorer.canvas), true, 'the canvas kept the focus');
      // the same text is not put in again: ↑ then ↓ back to it, the region shows the other row meanwhile
      s = await key(page, 'ArrowUp');
      await waitLive(page, 'tx-live-focus', (t) => t.includes(`result ${s.selected + 1} of`), 'the row above');
      // the other parts: the tabs by name and place, the timeline by the reading time
      s = await key(page, 'Shift+Tab');
      assertEq(s.focus, 'tabs', 'Shift+Tab to the tabs');
      const tabs = Object.keys(s.tabs);
      await waitLive(page, 'tx-live-focus', (t) => t === `Results tab, 1 of ${tabs.length}`, 'the tab');
      s = await key(page, 'Shift+Tab');
      assertEq(s.focus, 'timeline', 'Shift+Tab to the timeline');
      await waitLive(page, 'tx-live-focus', (t) => t.startsWith('Timeline, ' + clock(s.timeMs) + ' of '), 'the timeline at ' + clock(s.timeMs));
      assertEq(page.errors.join('\n'), '', 'no page errors');
      await page.context().close();
    },
  },
  {
    name: 'the search box with the keys by Tab puts the page focus on a field named "Search the transcript", described by the query syntax, that types into the box; ↓ leaves it for the results; the live regions and field are in the accessibility tree and show nothing (protects screen-reader use of the search box)',
    fn: async ({ browser, site }) => {
      const page = await openReady(browser, site.url);
      let s = await key(page, 'Tab');
      s = await key(page, 'Shift+Tab');
      assertEq(s.focus, 'search', 'Shift+Tab came back to the search box');
      assert(s.a11y.searchKeys, 'the explorer says the search box has the keyboard keys');
      const { field, tree } = await focusedField(page, 'Search the transcript');
      assert(field, 'the field is in the accessibility tree: ' + JSON.stringify(tree.filter((n) => !n.ignored && n.name).slice(0, 20)));
      assert(field.focused, 'and focused');
      // described by the query syntax of the box's tooltip (aria-describedby), which shows nothing
      for (const part of ['"exact phrase"', 'pre*', 'OR', 'speaker:'])  // the syntax the README documents
        assert(field.description && field.description.includes(part), `the description has ${part}: ${JSON.stringify(field.description)}`);
      const helpW = await page.evaluate(() => { const e = document.querySelector('.tx-search-help'); return e && e.getBoundingClientRect().width; });
      assert(helpW !== null && helpW <= 1, 'the description is visually hidden: ' + helpW);
      const regions = await page.evaluate(() => ['tx-live-status', 'tx-live-focus'].map((c) => {
        const e = document.querySelector('.' + c);
        return e && { live: e.getAttribute('aria-live'), atomic: e.getAttribute('aria-atomic'), w: e.getBoundingClientRect().width };
      }));
      for (const r of regions) {
        assert(r && r.live === 'polite' && r.atomic === 'true', 'a polite, atomic live region: ' + JSON.stringify(r));
        assert(r.w <= 1, 'visually hidden (1 px): ' + JSON.stringify(r));
      }
      assert(tree.find((n) => !n.ignored && n.role === 'status' && n.name === 'Search status'), 'the status region is in the tree');
      assert(tree.find((n) => !n.ignored && n.role === 'status' && n.name === 'Explorer focus'), 'the focus region is in the tree');
      // an earlier query in the history (settled for 1.5 s), cleared by Escape in the field
      await page.keyboard.type('meta', { delay: 20 });
      await waitState(page, 's => s.query === "meta"');
      await page.waitForTimeout(1800);
      s = await key(page, 'Escape');
      assertEq(s.query, '', 'Escape in the field clears the query');
      await page.keyboard.type('llama', { delay: 20 });
      s = await settle(page, 's => s.query === "llama" && s.totalHits > 0 && s.typing');
      assert(s.typing, 'the canvas search box kept its caret (it looks typed there)');
      assertEq(s.a11y.searchText, 'llama', 'the box shows what the field holds');
      const typed = await page.screenshot();
      saveShot('a11y-search-field', typed);
      // the regions draw nothing (hidden, the page looks the same), nor does the field (transparent:
      // hiding it would take its focus, and the box's caret with it)
      await page.evaluate(() => document.querySelectorAll('.tx-live-status,.tx-live-focus').forEach((e) => { e.style.visibility = 'hidden'; }));
      const hidden = await page.screenshot();
      assert(Buffer.compare(typed, hidden) === 0, 'the live regions change no pixel');
      await page.evaluate(() => document.querySelectorAll('.tx-live-status,.tx-live-focus').forEach((e) => { e.style.visibility = ''; }));
      const look = await page.evaluate(() => { const c = getComputedStyle(document.querySelector('.tx-search-field')); return c.opacity + ' ' + c.pointerEvents; });
      assertEq(look, '0 none', 'the field is transparent and lets the pointer through');
      // the field lies on the box, also after the page was resized (the box narrowed with it)
      const onBox = () => page.evaluate(() => {
        const f = document.querySelector('.tx-search-field').getBoundingClientRect(), c = window.explorer.canvas.getBoundingClientRect();
        const b = window.explorer.state().searchBox;
        return [f.left - c.left - b[0], f.top - c.top - b[1], f.width - b[2], f.height - b[3]].every((d) => Math.abs(d) < 1.5);
      });
      assert(await onBox(), 'the field lies on the search box');
      const wide = (await state(page)).searchBox;
      await page.setViewportSize({ width: 900, height: 700 });
      s = await settle(page, `s => s.searchBox[2] < ${wide[2]}`);  // the frame at the new size
      assert(s.searchBox[2] < wide[2], 'the search box narrowed with the page: ' + JSON.stringify([wide, s.searchBox]));
      assert(await until(onBox), 'the field follows the search box after a resize');
      await page.setViewportSize({ width: 1280, height: 800 });
      await until(onBox);
      s = await key(page, 'ArrowDown');
      assertEq(s.focus, 'list', '↓ in the field goes to the results');
      await page.waitForFunction(() => document.activeElement === window.explorer.canvas, null, { timeout: 3000 });
      await waitLive(page, 'tx-live-focus', (t) => t.includes(`result ${s.selected + 1} of ${s.results}`), 'the first result');
      s = await key(page, 'ArrowUp');
      assertEq(s.focus, 'search', '↑ on the first result goes back to the search box');
      await page.waitForFunction(() => document.activeElement && document.activeElement.classList.contains('tx-search-field'), null, { timeout: 3000 });
      assertEq(await page.evaluate(() => document.activeElement.value), 'llama', 'the field holds the query');
      s = await key(page, 'Escape');
      assertEq(s.query, '', 'Escape in the field clears the query');
      assertEq(await page.evaluate(() => document.activeElement.value), '', 'and the field');
      s = await key(page, 'Tab');
      assertEq(s.focus, 'smaller', 'Tab in the field moves on to A-');
      assertEq(await page.evaluate(() => document.activeElement === window.explorer.canvas), true, 'with the canvas focused');
      saveShot('a11y-after-tab', await page.screenshot());
      assertEq(page.errors.join('\n'), '', 'no page errors');
      await page.context().close();
    },
  },
];

tests.push({
  name: 'the offline file (file://) and the iframe page embed.html announce the status and the focus too (protects screen-reader feedback in every edition)',
  fn: async ({ browser, site }) => {
    const offline = 'file://' + path.join(ROOT, 'dist/offline/lex-fridman-383-mark-zuckerberg.html');
    for (const url of [offline, site.url + 'embed.html']) {
      const page = await openReady(browser, url);
      // a query set by the host page while the focus is elsewhere is not announced
      await page.evaluate(() => { if (document.activeElement) document.activeElement.blur(); window.explorer.setQuery('zuckerberg'); });
      await waitState(page, 's => s.query === "zuckerberg" && s.totalHits > 0');
      await page.waitForTimeout(1200);
      assertEq(await liveText(page, 'tx-live-status'), '', url + ': nothing announced without the focus');
      await page.evaluate(() => window.explorer.canvas.focus());
      await page.evaluate(() => window.explorer.setQuery('llama'));
      await waitState(page, 's => s.query === "llama" && s.totalHits > 0');
      const status = await waitLive(page, 'tx-live-status', (t) => t.length > 0, 'the status');
      const s = await state(page);
      assertEq(status, spoken(s.status), url + ': the live status is the drawn status line');
      assert(status.includes(s.totalHits.toLocaleString('en-US')), `${url}: the hit count ${s.totalHits} in ${status}`);
      await key(page, 'Tab');
      await waitLive(page, 'tx-live-focus', (t) => t === 'Smaller text, button', 'the A- button');
      assertEq(page.errors.join('\n'), '', url + ': no page errors');
      await page.context().close();
    }
  },
});

tests.push({
  name: 'in a blog embed Shift+Tab from the search field leaves the explorer for the link before it, and the explorer lets go of the keys (protects the host page\'s keyboard navigation with the field)',
  fn: async ({ browser, site }) => {
    const host = '<!doctype html><body style="margin:10px"><a id="before" href="#a">before</a>' +
      '<div id="ex" data-transcript-explorer data-bundle="demo.txb" style="height:400px"></div><a id="after" href="#b">after</a>' +
      '<script src="explorer-loader.js"></script></body>';
    const page = await openHost(browser, site, 'a11y-host.html', host);
    await page.focus('#before');
    let s = await key(page, 'Tab');
    assertEq(await page.evaluate(() => document.activeElement.className), 'tx-search-field', 'Tab from the link enters at the search field');
    s = await key(page, 'Shift+Tab');
    assertEq(await page.evaluate(() => document.activeElement.id), 'before', 'Shift+Tab from the field goes back to the link');
    assert(!s.typing, 'the search box let go of the caret');
    assertEq(await page.evaluate(() => window.explorer.canvas.style.outline), 'none', 'no focus ring on the canvas');
    assertEq(page.errors.join('\n'), '', 'no page errors');
    await page.context().close();
  },
});

// The page's text field (the focused element) lies on the canvas rect `b` (x, y, w, h in canvas px).
const fieldOn = (page, b) => page.evaluate((b) => {
  const f = document.activeElement.getBoundingClientRect(), c = window.explorer.canvas.getBoundingClientRect();
  return [f.left - c.left - b[0], f.top - c.top - b[1], f.width - b[2], f.height - b[3]].every((d) => Math.abs(d) < 1.5);
}, b);
const activeField = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return e === window.explorer.canvas ? 'canvas' : e ? (e.getAttribute('aria-label') || e.tagName) + '|' + e.value : '';
});
const rec = (r) => [`**/rec.txb`, (route) => route.fulfill({ body: r, contentType: 'application/octet-stream' })];

tests.push({
  name: 'archive: the recurring topic row the keyboard is on is announced by its label, episodes, segments and place; the Episodes filter with the keys by Tab puts the page focus on a field named "Filter episodes" that filters the list as typed, ↓ / ↑ leave and come back, Escape clears it, on desktop and phone widths (protects screen-reader use of the Episodes tab)',
  fn: async ({ browser, site }) => {
    for (const [w, h] of [[1100, 760], [390, 760]]) {
      const page = await openReady(browser, site.url + '?bundle=rec.txb', { width: w, height: h, routes: [rec(topicArchive())] });
      let s = await waitState(page, 's => !s.loading && !s.topicsPending && s.recurringTopics >= 2', 30000);
      const titles = (await page.evaluate(() => window.explorer.episodes())).map((e) => e.title);
      for (let i = 0; i < 10 && s.focus !== 'tabs'; i++) s = await key(page, 'Tab');
      assertEq(s.focus, 'tabs', `${w}px: the tabs have the focus`);
      for (let i = 0; i < 4 && !s.topicList.rows.length; i++) s = await key(page, 'ArrowRight');
      assert(s.narrowTab === (w > 600 ? '' : 'Episodes'), `${w}px: the Episodes tab is open: ${s.narrowTab}`);
      s = await key(page, 'Tab');
      assertEq(s.focus, 'recurringTopics', `${w}px: Tab reaches the recurring topics`);
      saveShot(`a11y-recurring-${w}`, await page.screenshot());
      const rows = s.topicList.rows;
      const first = await waitLive(page, 'tx-live-focus', (t) => t.includes('recurring topic 1 of'), 'the first row');
      assertEq(first, s.a11y.focus, 'the live focus is what the explorer publishes');
      assert(first.startsWith(spoken(rows[0].label) + ', '), `${w}px: the row is named by its label "${rows[0].label}": ${first}`);
      assert(first.includes(`, ${rows[0].episodes.length} episodes, `), `${w}px: and its episodes: ${first}`);
      assert(/, \d+ segments?, /.test(first), `${w}px: and its segments: ${first}`);
      assert(first.endsWith(`recurring topic 1 of ${rows.length}`), `${w}px: and its place: ${first}`);
      s = await key(page, 'ArrowDown');
      await waitLive(page, 'tx-live-focus', (t) => t.startsWith(spoken(rows[1].label) + ', ') && t.endsWith(`recurring topic 2 of ${rows.length}`), 'the second row');
      s = await key(page, 'Enter');
      await waitLive(page, 'tx-live-focus', (t) => t.includes(', chosen, recurring topic 2 of'), 'the chosen row');
      s = await key(page, 'Enter');  // shows all again
      assertEq(s.chosenTopic, -1, 'Enter on the chosen row shows all episodes');
      // the filter: a named text field over it takes the page's focus
      s = await key(page, 'Tab');
      assertEq(s.focus, 'episodeFilter', `${w}px: Tab reaches the filter`);
      const { field } = await focusedField(page, 'Filter episodes');
      assert(field && field.focused, `${w}px: a focused text field "Filter episodes" in the accessibility tree`);
      assert(await fieldOn(page, s.episodeFilter), `${w}px: the field lies on the filter box`);
      const want = titles[2];
      await page.keyboard.type(want, { delay: 15 });
      s = await waitState(page, `s => s.episodeRows === 1 && s.a11y.fieldText === ${JSON.stringify(want)}`, 5000);
      assertEq(s.a11y.fieldKeys, 'episodeFilter', 'the explorer says the filter has the keys');
      assert(s.typing, 'the canvas filter kept its caret (it looks typed there)');
      assertEq(await activeField(page), 'Filter episodes|' + want, 'the field holds what was typed');
      saveShot(`a11y-filter-field-${w}`, await page.screenshot());
      s = await key(page, 'ArrowDown');
      assertEq(s.focus, 'list', '↓ in the field goes to the list');
      assertEq(s.episode, 2, 'and opens the episode it keeps');
      await page.waitForFunction(() => document.activeElement === window.explorer.canvas, null, { timeout: 3000 });
      s = await key(page, 'ArrowUp');
      assertEq(s.focus, 'episodeFilter', '↑ on the first episode goes back to the filter');
      await page.waitForFunction(() => document.activeElement && document.activeElement.getAttribute('aria-label') === 'Filter episodes', null, { timeout: 3000 });
      assertEq(await activeField(page), 'Filter episodes|' + want, 'the field holds the filter');
      s = await key(page, 'Escape');
      s = await waitState(page, 's => s.episodeRows === 4', 3000);
      assertEq(s.a11y.fieldText, '', 'Escape in the field clears the filter');
      assertEq(await activeField(page), 'Filter episodes|', 'and the field');
      s = await key(page, 'Shift+Tab');
      assertEq(s.focus, 'recurringTopics', 'Shift+Tab in the field goes back to the rows');
      assertEq(await activeField(page), 'canvas', 'with the canvas focused');
      // the search field is named again when the search box gets the keys
      s = await key(page, 'Slash');
      await page.waitForFunction(() => document.activeElement && document.activeElement.getAttribute('aria-label') === 'Search the transcript', null, { timeout: 3000 });
      assertEq(page.errors.join('\n'), '', 'no page errors');
      await page.context().close();
    }
  },
});

