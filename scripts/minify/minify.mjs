// Minify shipped JavaScript with terser (pinned in package.json / package-lock.json, installed by
// scripts/setup.sh with `npm ci`; no network at build time).
//
//   node scripts/minify/minify.mjs IN.js OUT.js [--preamble TEXT]   (OUT may be IN: rewritten in place)
//
// Used by the web build (CMakeLists.txt) on web/explorer-loader.js (the readable source stays in
// web/; the build writes the minified copy to build-web/site/) and on Emscripten's glue
// (explorer.js, explorer-single.js, the bare benchmark page). Local names are shortened and
// comments and whitespace dropped; string literals (error messages, the explorer.js/explorer.wasm
// names scripts/dist.py rewrites), property names and top-level names (createExplorerModule,
// the loader's window.TranscriptExplorer) are kept. Brotli sizes: bench/results/page.md.
// Exit status 1 with the file and position when IN does not parse, or terser is not installed.
import fs from 'node:fs';

function die(msg) {
  console.error('minify.mjs: ' + msg);
  process.exit(1);
}

const args = process.argv.slice(2);
let preamble = null;
const pre = args.indexOf('--preamble');
if (pre >= 0) {
  preamble = args[pre + 1];
  if (preamble === undefined) die('--preamble needs a text');
  args.splice(pre, 2);
}
if (args.length !== 2) die('usage: node minify.mjs IN.js OUT.js [--preamble TEXT]');
const [input, output] = args;

let terser;
try {
  terser = await import('terser');
} catch (e) {
  die('terser is not installed in scripts/minify/node_modules (run scripts/setup.sh, or `npm ci` there)');
}

let source;
try {
  source = fs.readFileSync(input, 'utf8');
} catch (e) {
  die(`cannot read ${input}: ${e.message}`);
}

let result;
try {
  result = await terser.minify(source, {
    compress: true,
    mangle: true,  // local names only: toplevel stays false
    format: { comments: false, preamble: preamble || undefined },
  });
} catch (e) {
  // terser's parse errors carry line/col (1-based line, 0-based column)
  const where = e.line !== undefined ? `:${e.line}:${e.col + 1}` : '';
  die(`${input}${where}: ${e.message}`);
}
fs.writeFileSync(output, result.code + '\n');
