// The phone layout (below ~736 px: Transcript / Results / Topics tabs) as a reader meets it from a
// link or a blogger's embed: which tab a preset query opens on, and the timeline's topic labels.
import { openReady, openHost, waitState, saveShot, assert, assertEq } from './harness.mjs';

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
      await page.waitForTimeout(300);
      s = await state(page);
      assert(s.narrowTab !== '', 'a 600 px embed has the phone layout (tabs)');
      assertEq(s.narrowTab, 'Results', 'the embed\'s data-query opens on the Results tab');
      saveShot('phone-embed-600-query', await page.screenshot({ clip: { x: 0, y: 0, width: 620, height: 580 } }));
      assertEq(page.errors.join('\n'), '', 'no page errors');
      await page.context().close();
    },
  },
];
