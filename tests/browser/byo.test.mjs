// Bring your own transcripts: files opened with the "Open transcripts…" button (file chooser) or
// dropped on the page are imported in WASM, searched together, and a bad file is listed while the
// others load; `transcript site` output (site, blog snippet, offline file from file://) works.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { ROOT, serve, openPage, waitState, episodeHitsFor, pixelStats, saveShot, assert, assertEq, cli } from './harness.mjs';

export const VTT = `WEBVTT

00:00:01.000 --> 00:00:06.000
<v Ada>Welcome to the show. Today we talk about compilers and gardens.

00:00:06.500 --> 00:00:12.000
<v Grace>Thanks for having me. Compilers are like gardens: you prune them every spring.

00:00:12.500 --> 00:00:18.000
<v Ada>And a garden of parsers needs weeding too.
`;
const SRT = `1
00:00:00,500 --> 00:00:05,000
This episode is about bread, sourdough starters and patience.

2
00:00:05,500 --> 00:00:11,000
A starter is a small garden of yeast that you feed every day.
`;
const TXT = 'Plain notes from a lecture about rivers.\n\nRivers carve valleys, and gardens need their water.\n';
const BAD = 'WEBVTT\n\n00:00:01.000 --> not a time\nThis cue is broken.\n';
// Podcasting 2.0 JSON as many podcast hosts write it: one segment per word.
const PODCAST_JSON = JSON.stringify({
  version: '1.0.0',
  segments: 'Welcome back. Today: compilers, and why compilers love gardens.'.split(' ').map((w, i) => (
    { speaker: 'Ada', startTime: 1 + i * 0.4, endTime: 1.35 + i * 0.4, body: w }))
    .concat([{ speaker: 'Grace', startTime: 6, endTime: 8, body: 'A garden of compilers, indeed.' }]),
});
const PODCAST_HTML = '<cite>Ada:</cite>\n<time>0:00</time>\n<p>Our <b>compilers</b> &amp; a garden.</p>\n' +
  '<cite>Grace:</cite>\n<time>0:04</time>\n<p>Compilers again.</p>\n<script>document.title = "compilers"</script>\n';

function sampleDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-byo-'));
  fs.writeFileSync(path.join(dir, 'talk.vtt'), VTT);
  fs.writeFileSync(path.join(dir, 'bread.srt'), SRT);
  fs.writeFileSync(path.join(dir, 'rivers.txt'), TXT);
  fs.writeFileSync(path.join(dir, 'broken.vtt'), BAD);
  return dir;
}
// The native core's occurrence count for q over the given files (the reference the page must match).
const coreHits = (q, files) => cli(['search', '--query', q, '--json', '--limit', '1', ...files]).occurrences;
const coreHitsIn = (q, file) => coreHits(q, [file]);

async function errorsShown(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('.tx-open-errors li')).map((li) => li.textContent));
}

export const tests = [
  {
    name: 'Open transcripts… with the file chooser: a .vtt with speakers and an .srt load as two episodes, one search finds hits in both; Ctrl+O and .txb bundles too (protects tx_import_*, openFiles)',
    fn: async ({ browser, site }) => {
      const dir = sampleDir();
      const page = await openPage(browser, site.url + 'index.html');
      let s = await waitState(page);
      assertEq(s.error, null, 'demo loaded');
      assertEq(await page.locator('button.tx-open').isVisible(), true, 'the Open button is on the main page');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('button.tx-open')]);
      assert(chooser.isMultiple(), 'the chooser takes several files');
      await chooser.setFiles([path.join(dir, 'talk.vtt'), path.join(dir, 'bread.srt')]);
      s = await waitState(page, 's => s.ready && s.episodes === 2');
      await page.evaluate(() => window.explorer.setQuery('garden'));
      s = await waitState(page, 's => s.query === "garden"');
      const files = [path.join(dir, 'talk.vtt'), path.join(dir, 'bread.srt')];
      assertEq(s.totalHits, coreHits('garden', files), 'hits across both files equal the native core\'s');
      const eps = await page.evaluate(() => window.explorer.episodes());
      assertEq(eps.length, 2, 'two episodes');
      assertEq(eps[0].hits, coreHitsIn('garden', files[0]), 'hits in the .vtt episode');
      assertEq(eps[1].hits, coreHitsIn('garden', files[1]), 'hits in the .srt episode');
      assert(eps[0].hits > 0 && eps[1].hits > 0, 'both episodes have hits');
      assertEq((await errorsShown(page)).length, 0, 'no errors listed');
      await page.waitForTimeout(300);
      const png = await page.screenshot();
      saveShot('byo-open-two', png);
      assert((await pixelStats(page, png)).distinctColours > 50, 'the explorer is drawn');
      // Ctrl+O opens the same chooser; a bundle (.txb) opens alongside a transcript
      const [c2] = await Promise.all([page.waitForEvent('filechooser', { timeout: 15000 }), page.keyboard.press('Control+O')]);
      await c2.setFiles([path.join(ROOT, 'build-web/site/demo.txb'), files[1]]);
      s = await waitState(page, 's => s.ready && s.episodes === 2 && s.words > 29000');
      const eps2 = await page.evaluate(() => window.explorer.episodes());
      assert(/Zuckerberg/.test(eps2[0].title) && eps2[1].title === 'bread', 'the bundle\'s episode and the .srt: ' + JSON.stringify(eps2));
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
    },
  },
  {
    name: 'dropping a Podcasting 2.0 .json (word-level segments) and a podcast .html: both load with their speakers, no markup, and search finds what the native core finds (protects the new importers in WASM and the picker\'s accept list)',
    fn: async ({ browser, site }) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-byo-pc-'));
      const files = [path.join(dir, 'show.json'), path.join(dir, 'show.html')];
      fs.writeFileSync(files[0], PODCAST_JSON);
      fs.writeFileSync(files[1], PODCAST_HTML);
      const page = await openPage(browser, site.url + 'index.html');
      await waitState(page, 's => s.ready');
      const accept = await page.evaluate(() => document.querySelector('input.tx-open-input').accept);
      assert(/\.html\b/.test(accept) && /\.json\b/.test(accept), 'the file picker offers .json and .html: ' + accept);
      await page.evaluate((p) => {
        const dt = new DataTransfer();
        dt.items.add(new File([p.json], 'show.json', { type: 'application/json' }));
        dt.items.add(new File([p.html], 'show.html', { type: 'text/html' }));
        const target = document.querySelector('canvas');
        target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
        target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
        target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, { json: PODCAST_JSON, html: PODCAST_HTML });
      await waitState(page, 's => s.ready && s.episodes === 2');
      assertEq((await errorsShown(page)).length, 0, 'no errors listed: ' + (await errorsShown(page)).join(' | '));
      await page.evaluate(() => window.explorer.setQuery('compilers'));
      const s = await waitState(page, 's => s.query === "compilers"');
      const eps = await page.evaluate(() => window.explorer.episodes());
      assertEq(JSON.stringify(eps.map((e) => e.title)), '["show","show"]', 'both files are episodes');
      assertEq(eps[0].hits, coreHitsIn('compilers', files[0]), 'hits in the .json episode equal the native core\'s');
      assertEq(eps[1].hits, coreHitsIn('compilers', files[1]), 'hits in the .html episode equal the native core\'s');
      assertEq(eps[0].hits, 3, 'the three "compilers" of the .json (word segments joined, punctuation kept out)');
      assertEq(eps[1].hits, 2, 'the two "compilers" of the .html text, not the one in its <script>');
      assertEq(eps[1].words, 6, 'the .html episode holds its 6 words, no tags or script');
      assertEq(s.totalHits, 5, 'five hits in all');
      // speaker: queries work on both (speakers from "speaker" and <cite>)
      const byGrace = await episodeHitsFor(page, 'speaker:grace compilers');
      assertEq(JSON.stringify(byGrace), '[1,1]', 'Grace says "compilers" once in each file');
      await page.waitForTimeout(300);
      saveShot('byo-podcast-json-html', await page.screenshot());
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
    },
  },
  {
    name: 'dropping transcripts met in the wild: a UTF-16 .txt (Notepad), a yt-dlp roll-up .srt and an empty .vtt: the first two load with each line once, the empty one is listed as empty (protects the importer audit fixes in WASM)',
    fn: async ({ browser, site }) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tx-byo-wild-'));
      const files = [path.join(dir, 'notepad.txt'), path.join(dir, 'auto.en.srt'), path.join(dir, 'empty.vtt')];
      const text = 'Rivers carve valleys, said the caf\u00e9 owner.\r\nRivers need rain.\r\n';
      fs.writeFileSync(files[0], Buffer.concat([Buffer.from([0xFF, 0xFE]), Buffer.from(text, 'utf16le')]));
      fs.writeFileSync(files[1], '1\n00:00:00,160 --> 00:00:02,869\nso today we talk about rivers\n\n' +
        '2\n00:00:02,869 --> 00:00:02,879\nso today we talk about rivers\n\n' +
        '3\n00:00:02,879 --> 00:00:05,030\nso today we talk about rivers\nand the history of valleys\n\n' +
        '4\n00:00:05,030 --> 00:00:05,040\nand the history of valleys\n\n' +
        '5\n00:00:05,040 --> 00:00:07,000\nand the history of valleys\nand why rivers matter\n');
      fs.writeFileSync(files[2], '');
      const page = await openPage(browser, site.url + 'index.html');
      await waitState(page, 's => s.ready');
      await page.evaluate((list) => {
        const dt = new DataTransfer();
        for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
        const target = document.querySelector('canvas');
        for (const type of ['dragenter', 'dragover', 'drop'])
          target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, files.map((f) => ({ name: path.basename(f), bytes: Array.from(fs.readFileSync(f)) })));
      await waitState(page, 's => s.ready && s.episodes === 2');
      const errors = await errorsShown(page);
      assertEq(errors.length, 1, 'one file listed: ' + errors.join(' | '));
      assert(/empty\.vtt.*the file is empty/.test(errors[0]), 'the empty file is listed as empty: ' + errors[0]);
      await page.evaluate(() => window.explorer.setQuery('rivers'));
      await waitState(page, 's => s.query === "rivers"');
      const eps = await page.evaluate(() => window.explorer.episodes());
      assertEq(eps[0].hits, coreHitsIn('rivers', files[0]), 'hits in the UTF-16 file equal the native core\'s');
      assertEq(eps[0].hits, 2, 'both "Rivers" of the UTF-16 text');
      assertEq(eps[1].hits, coreHitsIn('rivers', files[1]), 'hits in the roll-up .srt equal the native core\'s');
      assertEq(eps[1].hits, 2, 'the roll-up .srt says "rivers" twice, not five times');
      assertEq(eps[1].words, 15, 'each roll-up line once: 15 words');
      await page.waitForTimeout(300);
      saveShot('byo-wild-files', await page.screenshot());
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
    },
  },
  {
    name: 'dropping three files with one malformed: the bad one is listed with its line, the two good ones load and are searched (protects drag-and-drop, per-file errors)',
    fn: async ({ browser, site }) => {
      const page = await openPage(browser, site.url + 'index.html');
      await waitState(page, 's => s.ready');
      const payload = { vtt: VTT, srt: SRT, bad: BAD };
      // a real DataTransfer with File objects, dispatched like the browser does for an OS drag
      const overlay = await page.evaluate((p) => {
        const dt = new DataTransfer();
        dt.items.add(new File([p.vtt], 'talk.vtt', { type: 'text/vtt' }));
        dt.items.add(new File([p.bad], 'broken.vtt', { type: 'text/vtt' }));
        dt.items.add(new File([p.srt], 'bread.srt'));
        const target = document.querySelector('canvas');
        target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt, bubbles: true, cancelable: true }));
        const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
        target.dispatchEvent(over);
        const shown = getComputedStyle(document.querySelector('.tx-drop-overlay')).display;
        window.__dropDt = dt;
        return { shown, accepted: over.defaultPrevented };
      }, payload);
      assertEq(overlay.shown, 'flex', 'the drop overlay shows while files are dragged over the page');
      assert(overlay.accepted, 'dragover is accepted (the browser will not navigate to the file)');
      saveShot('byo-drop-overlay', await page.screenshot());
      await page.evaluate(() => document.querySelector('canvas').dispatchEvent(
        new DragEvent('drop', { dataTransfer: window.__dropDt, bubbles: true, cancelable: true })));
      const s = await waitState(page, 's => s.ready && s.episodes === 2');
      await page.waitForFunction(() => document.querySelectorAll('.tx-open-errors li').length > 0);
      assertEq(await page.evaluate(() => getComputedStyle(document.querySelector('.tx-drop-overlay')).display), 'none', 'overlay gone after the drop');
      const errs = await errorsShown(page);
      assertEq(errs.length, 1, 'one error listed: ' + errs.join(' | '));
      assert(errs[0].startsWith('broken.vtt: ') && /line 3/.test(errs[0]), 'the error names the file and the line: ' + errs[0]);
      const head = await page.locator('.tx-open-errors').textContent();
      assert(/1 of 3 files could not be opened/.test(head), 'the panel says how many failed: ' + head);
      await page.evaluate(() => window.explorer.setQuery('garden'));
      await waitState(page, 's => s.query === "garden"');
      const eps = await page.evaluate(() => window.explorer.episodes());
      assertEq(eps.length, 2, 'the two good files loaded');
      assert(eps.every((e) => e.hits > 0), 'both have hits: ' + JSON.stringify(eps));
      await page.waitForTimeout(300);
      saveShot('byo-drop-with-error', await page.screenshot());
      // dismissing the list
      await page.click('.tx-open-errors-close');
      assertEq(await page.locator('.tx-open-errors').isVisible(), false, 'the error list can be dismissed');
      // a file name with markup stays text
      await page.evaluate(() => window.explorer.openFiles([new File(['x'], '<img src=x onerror=alert(1)>.txb')]));
      await page.waitForFunction(() => document.querySelectorAll('.tx-open-errors li').length === 1);
      assertEq(await page.evaluate(() => document.querySelectorAll('.tx-open-errors img').length), 0, 'no markup from file names');
      assertEq((await waitState(page, 's => s.ready')).episodes, 2, 'a failed open keeps what was shown');
      // a larger set: the progress line shows while files are read, and all of them load
      const seen = await page.evaluate(async () => {
        const status = document.querySelector('.tx-open-status'), texts = new Set();
        const mo = new MutationObserver(() => { if (status.style.display !== 'none') texts.add(status.textContent); });
        mo.observe(status, { subtree: true, childList: true, characterData: true, attributes: true });
        const files = [];
        for (let i = 0; i < 40; i++) files.push(new File([`Episode ${i} is about gardens and number ${i}.`], `ep${i}.txt`));
        const res = await window.explorer.openFiles(files);
        mo.disconnect();
        return { texts: [...texts], res, hidden: status.style.display === 'none' };
      });
      assertEq(seen.res.episodes, 40, 'forty files, forty episodes');
      assertEq(seen.res.errors.length, 0, 'no errors');
      assert(seen.texts.some((t) => /Reading 1 of 40: ep0\.txt/.test(t)) && seen.texts.some((t) => /Reading 40 of 40/.test(t)),
        'progress was shown: ' + seen.texts.slice(0, 3).join(' | '));
      assert(seen.hidden, 'the progress line goes away when done');
      assertEq((await waitState(page, 's => s.ready')).episodes, 40, 'the model shows forty episodes');
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
    },
  },
  {
    name: 'remembering opened files only when the reader ticks the box: a reload offers Reopen, unticking forgets (protects the optional memory)',
    fn: async ({ browser, site }) => {
      const dir = sampleDir();
      const page = await openPage(browser, site.url + 'index.html');
      await waitState(page, 's => s.ready');
      assertEq(await page.locator('.tx-reopen').isVisible(), false, 'nothing remembered at first');
      await page.setInputFiles('input.tx-open-input', [path.join(dir, 'talk.vtt'), path.join(dir, 'bread.srt')]);
      await waitState(page, 's => s.ready && s.episodes === 2');
      await page.reload();
      await waitState(page, 's => s.ready');
      assertEq(await page.locator('.tx-reopen').isVisible(), false, 'not remembered without asking');
      await page.setInputFiles('input.tx-open-input', [path.join(dir, 'talk.vtt'), path.join(dir, 'bread.srt')]);
      await waitState(page, 's => s.ready && s.episodes === 2');
      await page.check('.tx-open-remember input');
      await page.waitForFunction(() => getComputedStyle(document.querySelector('.tx-reopen')).display !== 'none');
      await page.reload();
      await waitState(page, 's => s.ready && s.episodes === 1');  // the demo again
      await page.waitForFunction(() => getComputedStyle(document.querySelector('.tx-reopen')).display !== 'none');
      assertEq(await page.locator('.tx-reopen').textContent(), 'Reopen last 2 files', 'the button says what it brings back');
      saveShot('byo-reopen', await page.screenshot());
      await page.click('.tx-reopen');
      await waitState(page, 's => s.ready && s.episodes === 2');
      assertEq((await page.evaluate(() => window.explorer.episodes())).map((e) => e.title).join(','), 'talk,bread', 'the same files came back');
      await page.uncheck('.tx-open-remember input');
      await page.waitForFunction(() => getComputedStyle(document.querySelector('.tx-reopen')).display === 'none');
      await page.reload();
      await waitState(page, 's => s.ready');
      await page.waitForTimeout(300);
      assertEq(await page.locator('.tx-reopen').isVisible(), false, 'forgotten after unticking');
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
    },
  },
  {
    name: 'embeds do not offer Open/drop unless asked (data-allow-open / open=1), and then a drop opens files in the embed (protects blogs from surprise drop targets)',
    fn: async ({ browser, site }) => {
      const page = await openPage(browser, site.url + 'embed.html');
      await waitState(page, 's => s.ready');
      assertEq(await page.locator('button.tx-open').count(), 0, 'no Open button in a default embed');
      await page.context().close();
      const p2 = await openPage(browser, site.url + 'embed.html?open=1');
      await waitState(p2, 's => s.ready');
      assertEq(await p2.locator('button.tx-open').count(), 1, 'the Open button when asked for');
      // a drop onto the embed opens the files there
      await p2.evaluate((t) => {
        const dt = new DataTransfer();
        dt.items.add(new File([t], 'rivers.txt'));
        const c = document.querySelector('canvas');
        for (const type of ['dragenter', 'dragover', 'drop']) c.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }, TXT);
      await waitState(p2, 's => s.ready && s.episodes === 1 && s.words < 100');
      assertEq((await p2.evaluate(() => window.explorer.episodes()))[0].title, 'rivers', 'the dropped file is shown');
      await p2.context().close();
    },
  },
  {
    name: 'transcript site on three generated files: the site searches them, the snippet embed works, the offline file works from file:// with the network blocked (protects cmd_site)',
    fn: async ({ browser }) => {
      const dir = sampleDir();
      fs.unlinkSync(path.join(dir, 'broken.vtt'));
      const out = path.join(dir, 'out');
      execFileSync(path.join(ROOT, 'build/transcript'), ['site', dir, '-o', out, '--title', 'Sample <Show>'], { stdio: 'pipe' });
      const files = ['talk.vtt', 'bread.srt', 'rivers.txt'].map((f) => path.join(dir, f));
      const want = coreHits('garden', files);
      assert(want >= 3, 'garden is in every sample');
      const srv = await serve(out, '/pub/');
      // the site
      let page = await openPage(browser, srv.url + 'site/');
      let s = await waitState(page);
      assertEq(s.error, null, 'site loaded');
      assertEq(s.episodes, 3, 'three episodes');
      assertEq(await page.title(), 'Sample <Show>', 'the title, as text');
      await page.evaluate(() => window.explorer.setQuery('garden'));
      s = await waitState(page, 's => s.query === "garden"');
      assertEq(s.totalHits, want, 'the site finds what the native core finds');
      await page.waitForTimeout(300);
      saveShot('byo-site', await page.screenshot());
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
      // the snippet page (the snippet, live)
      page = await openPage(browser, srv.url + 'SNIPPET.html');
      await page.waitForFunction(() => { const e = document.querySelector('[data-transcript-explorer]'); return e && e.transcriptExplorer && e.transcriptExplorer.state().ready; }, null, { timeout: 30000 });
      const ex = 'document.querySelector("[data-transcript-explorer]").transcriptExplorer';
      await page.evaluate(`${ex}.setQuery('garden')`);
      await page.waitForFunction(`${ex}.state().query === 'garden'`);
      const es = await page.evaluate(`${ex}.state()`);
      assertEq(es.episodes, 3, 'embed: three episodes');
      assertEq(es.totalHits, want, 'embed: same hits');
      assertEq(await page.locator('button.tx-open').count(), 0, 'the snippet embed has no Open button');
      await page.waitForTimeout(300);
      saveShot('byo-snippet', await page.screenshot());
      await page.context().close();
      srv.close();
      // the offline file from file:// with every other request blocked
      const offline = pathToFileURL(path.join(out, 'offline/transcripts.html')).href;
      const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
      const blocked = [];
      await context.route('**', (r) => { if (r.request().url() === offline) return r.continue(); blocked.push(r.request().url()); return r.abort(); });
      page = await context.newPage();
      page.errors = [];
      page.on('pageerror', (e) => page.errors.push(String(e)));
      await page.goto(offline);
      s = await waitState(page);
      assertEq(s.error, null, 'offline loaded');
      assertEq(s.episodes, 3, 'offline: three episodes');
      // each episode's plain text is laid out only near the screen (an archive's 34 MB laid out
      // at once held the Lexicap offline file for ~30 s before the explorer started), yet it is in
      // the page, whole, for screen readers and find-in-page
      const arts = await page.evaluate(() => [...document.querySelectorAll('#tx-text article')].map((a) => ({
        cv: getComputedStyle(a).contentVisibility, size: getComputedStyle(a).containIntrinsicHeight, text: a.textContent })));
      assertEq(arts.length, 3, 'one article per episode');
      for (const a of arts) {
        assertEq(a.cv, 'auto', 'content-visibility of an episode\'s text');
        assert(/^auto \d+px$/.test(a.size), 'an estimated height: ' + a.size);
      }
      assert(arts.some((a) => a.text.includes('garden')), 'the text is in the page');
      await page.evaluate(() => window.explorer.setQuery('garden'));
      s = await waitState(page, 's => s.query === "garden"');
      assertEq(s.totalHits, want, 'offline: same hits');
      assertEq(blocked.length, 0, 'no network requests: ' + blocked.join(' '));
      // and the reader can open more files there (the picker needs no network)
      assertEq(await page.locator('button.tx-open').count(), 1, 'Open button in the offline file');
      await page.evaluate((t) => window.explorer.openFiles([new File([t], 'extra.txt')]), TXT);
      await waitState(page, 's => s.ready && s.episodes === 1');
      await page.waitForTimeout(300);
      saveShot('byo-offline-opened', await page.screenshot());
      assertEq(page.errors.length, 0, 'no page errors: ' + page.errors.join(' | '));
      await context.close();
    },
  },
];
