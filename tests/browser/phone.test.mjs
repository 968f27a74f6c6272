// The phone layout (below ~736 px: Transcript / Results / Topics tabs) as a reader meets it from a
// link or a blogger's embed: which tab a preset query opens on, and the timeline's topic labels.
import { openReady, openHost, waitState, settle, saveShot, assert, assertEq } from './harness.mjs';

const state = (page) => page.evaluate(() => window.explorer.state());

// A phone-sized page at `url`, ready, after a few frames (the tab bar selects in its second frame).
async function phoneReady(browser, url, width = 390) {
  const page = await openReady(browser, url, { width, height: 800, dpr: 2 });
  await page.waitForTimeout(300);
  return page;
}

export const tests = [
  {
    name: 'on a phone a page opened with a query (?q=, #q=, an embed\'s data-query) opens on its results, a link to a time without a query on the transcript, and a query typed later leaves the tab alone (protects the blogger\'s chosen results: they were a tap away behind the Transcript tab)',
    fn: async ({ browser, site }) => {
      let page = await phoneReady(browser, site.url + 'index.html?q=llama');
      let s = await state(page);
      assert(s.totalPassages > 0, '"llama" has results: ' + s.totalPassages);
      assertEq(s.narrowTab, 'Results', '?q=llama opens on the Results tab');
      saveShot('phone-open-query', await page.screenshot());
      await page.context().close();

      page = await phoneReady(browser, site.url + '#q=metaverse&ep=0');
      assertEq((await state(page)).narrowTab, 'Results', 'a link\'s #q= opens on the Results tab');
      await page.context().close();

      page = await phoneReady(browser, site.url + 'index.html?t=21:30');
      s = await state(page);
      assertEq(s.narrowTab, 'Transcript', '?t= without a query opens on the transcript');
      assert(Math.abs(s.timeMs - 1290000) < 60000, 'at the link\'s time: ' + s.timeMs);
      saveShot('phone-open-time', await page.screenshot());
      // a query typed after the page opened does not take the reader away from the transcript
      await page.evaluate(() => window.explorer.setQuery('llama'));
      await page.waitForTimeout(400);
      assertEq((await state(page)).narrowTab, 'Transcript', 'a later query leaves the transcript tab');
      await page.context().close();

      // a blogger's embed, 600 px wide, with data-query
      const host = '<!doctype html><body style="margin:0;font:16px sans-serif"><p>A post.</p>' +
        '<div id="ex" data-transcript-explorer data-bundle="demo.txb" data-query="open source" style="width:600px;height:520px"></div>' +
        '<script src="explorer-loader.js"></script></body>';
      page = await openHost(browser, site, 'phone-embed.html', host);
      s = await settle(page, 's => s.narrowTab !== ""');
      assert(s.narrowTab !== '', 'a 600 px embed has the phone layout (tabs)');
      assertEq(s.narrowTab, 'Results', 'the embed\'s data-query opens on the Results tab');
      saveShot('phone-embed-600-query', await page.screenshot({ clip: { x: 0, y: 0, width: 620, height: 580 } }));
      assertEq(page.errors.join('\n'), '', 'no page errors');
      await page.context().close();
    },
  },
  {
    name: 'on a 390 px phone (and a desktop) the timeline\'s topic labels are whole or keep a readable start, never overlap, and the topic being read shows its label whole (protects labels on phones: every one was cut to "ji…")',
    fn: async ({ browser, site }) => {
     for (const width of [390, 1280]) {  // and on a desktop, where the topic being read gets the same box
      const page = await phoneReady(browser, site.url, width);
      let s = await waitState(page, 's => s.topicStarts.length > 3', 30000);
      const [tx, , tw] = s.timeline;
      const starts = s.topicStarts;
      const chars = (t) => [...t].length;
      for (let i = 0; i < starts.length; ++i) {
        await page.evaluate((ms) => window.explorer.seek({ episode: 0, timeMs: ms }), starts[i] + 2000);
        s = await waitState(page, `s => s.topicLabels.some((l) => l.current) && Math.abs(s.timeMs - ${starts[i] + 2000}) < 15000`, 5000)
          .catch(() => state(page));
        const labels = s.topicLabels;
        const at = `${width} px, reading topic ${i} at ${s.timeMs} ms: ${JSON.stringify(labels.map((l) => l.text))}`;
        for (const l of labels) {
          if (l.text === l.label) continue;
          assert(l.text.endsWith('\u2026') && l.label.startsWith(l.text.slice(0, -1)), `a cut label is the start of its label (${l.text} of ${l.label}); ${at}`);
          const kept = l.text.slice(0, -1);
          assert(!/[\s\u00b7,]$/.test(kept), `a cut label does not end in a keyword separator: ${l.text}; ${at}`);
          assert(chars(kept) >= 5 || l.label.startsWith(kept + " \u00b7 "), `a cut label keeps its first keyword whole or at least 5 characters: ${l.text}; ${at}`);
        }
        const current = labels.filter((l) => l.current);
        assertEq(current.length, 1, 'one label for the topic being read; ' + at);
        assertEq(current[0].text, current[0].label, 'the topic being read has its label whole; ' + at);
        const byX = labels.map((l) => l.rect).sort((a, b) => a[0] - b[0]);
        for (let k = 1; k < byX.length; ++k)
          assert(byX[k - 1][0] + byX[k - 1][2] <= byX[k][0] + 0.5, 'labels do not overlap; ' + at);
        for (const r of byX) assert(r[0] >= tx - 0.5 && r[0] + r[2] <= tx + tw + 0.5, 'labels stay on the strip; ' + at);
        if (i === 2) saveShot(`timeline-labels-${width}`, await page.screenshot({ clip: { x: 0, y: 0, width, height: 260 } }));
      }
      assertEq(page.errors.join('\n'), '', 'no page errors');
      await page.context().close();
     }
    },
  },
];
