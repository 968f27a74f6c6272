// What Enter / F3 step through for a multi-word query, and what the status line's numbers count.
import fs from 'node:fs';
import { openReady, waitState, saveShot, assert, assertEq, typeQuery, cli, DEMO_TXT } from './harness.mjs';

export const tests = [
  {
    name: 'Enter / F3 step over "open source" said once in one step, and the status counts those matches and the passages (protects phrase stepping: it took two steps over each "open source" and read "match 2 of 64 · 22 hits")',
    fn: async ({ browser, site }) => {
      // the demo's words, found in its text (not by the search): the engine's word indices
      const words = fs.readFileSync(DEMO_TXT, 'utf8').split(/\s+/).filter(Boolean).map((w) => w.toLowerCase().replace(/[^a-z']/g, ''));
      const pairs = words.map((_, i) => i).filter((i) => words[i] === 'open' && words[i + 1] === 'source');
      assert(pairs.length >= 3, '"open source" is said several times: ' + pairs.length);
      const core = cli(['search', '--query', 'open source', '--json', '--limit', '1', DEMO_TXT]);
      const page = await openReady(browser, site.url);
      const s0 = await typeQuery(page, 'open source');
      assertEq(s0.totalPassages, core.total_passages, 'the core\'s passages');
      assertEq(s0.status, `${s0.matches} matches \u00b7 ${core.total_passages} passages`, 'before a step: matches and passages');
      await page.evaluate(() => window.explorer.seek({ episode: 0, timeMs: 0 }));
      await page.waitForTimeout(200);
      const visited = [];
      let prev = -1;
      for (let k = 0; k < s0.matches; ++k) {
        await page.keyboard.press('Enter');
        const s = await waitState(page, `s => s.currentHit !== ${prev} && s.currentHit >= 0`, 5000);
        prev = s.currentHit;
        visited.push(s.word);
        assertEq(s.status, `match ${s.currentHit + 1} of ${s0.matches} \u00b7 ${core.total_passages} passages`, 'the status names the step');
        if (k === 1) saveShot('match-steps-open-source', await page.screenshot());
      }
      for (let k = 1; k < visited.length; ++k) assert(visited[k] > visited[k - 1], `reading order: ${visited.join(',')}`);
      const inside = visited.filter((w) => pairs.includes(w - 1));
      assertEq(inside.length, 0, `no step lands on the "source" of an "open source" (words ${inside.join(',')})`);
      for (const p of pairs) assert(visited.includes(p), `the step onto "open source" at word ${p}: ${visited.join(',')}`);
      assertEq(page.errors.join('\n'), '', 'no page errors');
      await page.context().close();
    },
  },
];
