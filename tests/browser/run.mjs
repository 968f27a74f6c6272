// Runs every tests/browser/*.test.mjs (each exports `tests`: [{ name, fn({ browser, site }) }]).
// Prints one line per test and a summary line; exits non-zero on any failure.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, serve, launch } from './harness.mjs';

const only = process.argv[2];
const dir = path.join(ROOT, 'tests/browser');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.mjs') && (!only || f.includes(only))).sort();
const site = await serve(path.join(ROOT, 'build-web/site'));
const browser = await launch();
let passed = 0, failed = 0;
const t0 = Date.now();
for (const f of files) {
  const mod = await import(path.join(dir, f));
  for (const t of mod.tests) {
    const start = Date.now();
    try {
      await t.fn({ browser, site });
      passed++;
      console.log(`ok   ${f} :: ${t.name} (${Date.now() - start} ms)`);
    } catch (e) {
      failed++;
      console.log(`FAIL ${f} :: ${t.name}\n     ${String(e.stack || e).split('\n').slice(0, 4).join('\n     ')}`);
    }
  }
}
await browser.close();
site.close();
console.log(`browser tests: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(failed ? 1 : 0);
