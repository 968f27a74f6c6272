// Bring your own TTML / DFXP captions: a Netflix-style .dfxp (ticks, agents) and a YouTube-style
// .ttml (offset times under a <div begin>) dropped on the page load in WASM with their speakers,
// and search finds what the native core finds.
import path from 'node:path';
import { dropTextFiles, episodeHitsFor, waitState, saveShot, assert, assertEq, cli } from './harness.mjs';

const DFXP = `<?xml version="1.0" encoding="utf-8"?>
<tt:tt xmlns:tt="http://www.w3.org/ns/ttml" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" xmlns:ttm="http://www.w3.org/ns/ttml#metadata" ttp:tickRate="10000000">
<tt:head><tt:metadata><ttm:agent xml:id="a1"><ttm:name>Ada</ttm:name></ttm:agent><ttm:agent xml:id="a2"><ttm:name>Grace</ttm:name></ttm:agent></tt:metadata></tt:head>
<tt:body><tt:div>
<tt:p begin="10000000t" end="30000000t" ttm:agent="a1">The garden<tt:br/>is green.</tt:p>
<tt:p begin="40000000t" end="60000000t" ttm:agent="a2">Green garden, <tt:span>yes</tt:span> &amp; more.</tt:p>
</tt:div></tt:body></tt:tt>
`;
const TTML = `<?xml version="1.0" encoding="utf-8" ?><tt xml:lang="en" xmlns="http://www.w3.org/ns/ttml"><body><div begin="1m">
<p begin="1.5s" dur="2s">Every garden grows.</p><p begin="4s" end="6s">Water it daily.</p></div></body></tt>
`;

export const tests = [
  {
    name: 'dropping a Netflix-style .dfxp and a YouTube-style .ttml: both load with their speakers and search finds what the native core finds (protects the TTML importer in WASM)',
    fn: async ({ browser, site }) => {
      const files = { 'netflix.dfxp': DFXP, 'youtube.ttml': TTML };
      const { page, dir } = await dropTextFiles(browser, site, files);
      await page.evaluate(() => window.explorer.setQuery('garden'));
      await waitState(page, 's => s.query === "garden"');
      const eps = await page.evaluate(() => window.explorer.episodes());
      assertEq(JSON.stringify(eps.map((e) => e.title)), '["netflix","youtube"]', 'the two files are episodes');
      const names = Object.keys(files);
      for (let i = 0; i < 2; ++i) {
        const core = cli(['search', '--query', 'garden', '--json', '--limit', '1', path.join(dir, names[i])]);
        assertEq(eps[i].hits, core.occurrences, `hits in ${names[i]} equal the native core's`);
        assert(core.hits[0].time_estimated === false, `${names[i]}: times read, not estimated`);
      }
      assertEq(JSON.stringify(eps.map((e) => e.hits)), '[2,1]', '"garden" twice in the DFXP, once in the TTML');
      assertEq(JSON.stringify(await episodeHitsFor(page, 'speaker:grace garden')), '[1,0]', 'Grace (ttm:agent a2) says "garden" once');
      await page.waitForTimeout(300);
      saveShot('byo-ttml', await page.screenshot());
      assert(page.errors.length === 0, 'no page errors: ' + page.errors.join(' | '));
      await page.context().close();
    },
  },
];
