/* Transcript Explorer loader: mounts the WASM explorer into a container element.
 *
 * Blog embed (no script of your own): every element with a data-transcript-explorer attribute is
 * mounted on DOMContentLoaded (or at once if the page has already loaded):
 *   <div data-transcript-explorer data-bundle="talk.txb" data-query="llama" style="height:480px"></div>
 *   <script src="https://example.org/explorer/explorer-loader.js" defer></script>
 * Attributes: data-bundle (URL, relative to the page), data-query, data-time and data-episode (the
 * moment it opens at: "21:30", "1290" or "1h2m3s" seconds, and an episode number from 0; a deep
 * link in the page's hash goes over them), data-dark ("1"/"0"; default: the page's own theme,
 * read from the background behind the element, else prefers-color-scheme), data-height (px, used only when the container has no height of its
 * own; default 480), data-mode ("embed" default, or "app"), data-allow-open (present: the reader may
 * open or drop their own transcript files into this embed; off by default in embeds). The element gets a `transcriptExplorer`
 * property (the handle below) and fires a 'transcript-explorer-ready' event (detail: the handle).
 *
 * Script API:
 *   const ex = await TranscriptExplorer.mount(element, { bundle: 'demo.txb', query: '' });
 *   ex.state()            -> { ready, phase, query, totalHits, episode, timeMs, error, ... }
 *   ex.setQuery('llama'); ex.seek({ episode: 0, timeMs: 60000 }); ex.nextHit(); ex.loadBundle(urlOrBytes);
 *   ex.on('change', fn)   fn(state) after anything the reader sees changed (query, hit, position)
 *   ex.on('copy', fn)     fn(text) when the reader copied a quote or a selection
 *   ex.openFiles(files)   import a FileList / File[] (.txt .vtt .srt .ass .json .json3 .html .ttml ..., or .txb bundles) in
 *                         the page (nothing is uploaded) and show them instead of the current bundle;
 *                         -> Promise<{ episodes, files, errors: [{ name, message }] }>; a bad file
 *                         is listed and skipped, the good ones load
 *   ex.episodes()         -> [{ title, hits, words }] of the loaded episodes (hits: current query)
 *   ex.on('open', fn)     fn(result of openFiles) after files were opened (button, drop or API)
 *   TranscriptExplorer.supported() -> { ok, reason }: WebAssembly and WebGL2 are available
 *   TranscriptExplorer.mountAll(root) mounts data-transcript-explorer elements added later
 *
 * Options: bundle (URL or bytes), query, time and episode (as data-time / data-episode), hash (true: mirror the state in location.hash and restore
 * it), readHash (true: restore the q, ep and t keys of location.hash, and follow changes to them, but
 * never write the hash: an embed in someone else's page; the first data-transcript-explorer element
 * of a page gets this unless it has data-hash="off"), dark (true/false; default as data-dark's), height (see data-height), mode:
 *   'embed' (default): a guest in someone else's page: the mouse wheel (and a vertical touch
 *           drag) scrolls the page unless the pointer is over a pane of the explorer that can
 *           scroll further that way, Tab past the explorer's last part moves focus on to the page,
 *           the explorer never takes focus by itself (nor shows a caret without it).
 *   'app':  the explorer owns the page (index.html, the offline file): every wheel event is its own.
 * allowOpen (default: true in 'app' mode, false in 'embed'): an "Open transcripts…" button above
 * the canvas, Ctrl+O (app mode), and drag-and-drop of files anywhere on the page (app mode) or onto
 * the explorer (embed). Progress and per-file errors are shown in HTML next to the canvas. In app
 * mode, after files opened, a "Remember these files in this browser" box (unticked by default) keeps
 * them in IndexedDB and a "Reopen last files" button brings them back later; unticking forgets them.
 * Keyboard shortcuts only ever reach the explorer while its canvas has focus (click it or Tab to it).
 * Screen readers: two visually hidden polite live regions in the container (.tx-live-status,
 * .tx-live-focus) say the search status and the item the keyboard focus is on, and while the search
 * box or the Episodes filter has the keyboard's keys the page focus is on a transparent field over
 * it (.tx-search-field, "Search the transcript", described by the query syntax in .tx-search-help;
 * .tx-filter-field, "Filter episodes"); see docs/embedding.md.
 *
 * Each mount gets its own canvas and its own WASM instance; the only globals are
 * `TranscriptExplorer` and Emscripten's `createExplorerModule`; no stylesheet is added (the canvas
 * is styled inline).
 * Nothing from the bundle or the URL is inserted as HTML.
 */
(function () {
  'use strict';
  var scriptBase = (function () {
    var s = document.currentScript;
    return s && s.src ? s.src.replace(/[^\/]*$/, '') : '';
  })();
  var modulePromise = null;
  var wasmPromise = null;  // the compiled explorer.wasm (a WebAssembly.Module), shared by every mount
  var wasmStarted = null;  // resolves once explorer.wasm's compilation started (or its download failed)
  var wasmDownload = null;  // progress of the explorer.wasm download (makeProgress), once started
  // The explorer's JS and WASM files, next to this script. scripts/dist.py rewrites the names to
  // the content-hashed ones in the static site; the offline file defines createExplorerModule
  // inline, with the WASM inside.
  var EXPLORER_JS = 'explorer.js';
  var EXPLORER_WASM = 'explorer.wasm';

  // The WebGL2 context attributes SDL_GL_CreateContext requests in main_web.cpp (Emscripten's EGL:
  // no alpha, a depth buffer from SDL's default 16-bit depth, no stencil, no multisampling).
  var GL_ATTRIBUTES = { alpha: false, depth: true, stencil: false, antialias: false };

  var fieldIds = 0;  // mounts' text field descriptions (ids must be unique in the page)
  var supportedOk = false;  // a probe that succeeded once is not repeated for every mount
  function supported() {
    if (supportedOk) return { ok: true, reason: '' };
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function')
      return { ok: false, reason: 'this browser has no WebAssembly' };
    var gl = null;
    try { gl = document.createElement('canvas').getContext('webgl2'); } catch (e) { gl = null; }
    if (!gl) return { ok: false, reason: 'this browser has no WebGL2 (or it is switched off)' };
    var lose = gl.getExtension && gl.getExtension('WEBGL_lose_context');
    if (lose) lose.loseContext();  // give the probe context back at once
    supportedOk = true;
    return { ok: true, reason: '' };
  }

  // Download and compile explorer.wasm, in parallel with explorer.js (which would only start it
  // once it ran), once for all the explorers of the page. @return Promise of the WebAssembly.Module;
  // rejects with an Error naming the URL.
  function compileWasm() {
    if (!wasmPromise) {
      var url = scriptBase + EXPLORER_WASM;
      var started = null;
      wasmStarted = new Promise(function (resolve) { started = resolve; });
      wasmDownload = makeProgress();
      wasmPromise = fetch(url, { credentials: 'same-origin' }).then(function (resp) {
        started();  // wasmStarted's callbacks run right after this one, which starts the compilation
        if (!resp.ok) throw downloadError(url, 'HTTP ' + resp.status);
        resp = countedResponse(resp, wasmDownload);
        var type = resp.headers.get('Content-Type') || '';
        if (WebAssembly.compileStreaming && type.indexOf('application/wasm') === 0) return WebAssembly.compileStreaming(resp);
        return resp.arrayBuffer().then(function (b) { return WebAssembly.compile(b); });  // served with another type
      }, function (err) {
        started();
        throw downloadError(url, err);
      });
      wasmPromise.catch(function () { wasmPromise = null; });  // a later mount tries again
    }
    return wasmPromise;
  }

  // @return a Promise that resolves once explorer.wasm's compilation has started (at once when the
  // page brings its own module, as the offline file does, or the compilation started long ago).
  function compileStarted() { return wasmPromise && wasmStarted ? wasmStarted : Promise.resolve(); }

  // @return Promise of { factory: createExplorerModule, wasm: Promise of the compiled module, or
  // null when the factory brings its own (the offline file) }.
  function loadFactory() {
    if (window.createExplorerModule) return Promise.resolve({ factory: window.createExplorerModule, wasm: null });
    var wasm = compileWasm();
    return loadScript().then(function (factory) { return { factory: factory, wasm: wasm }; });
  }

  function loadScript() {
    if (window.createExplorerModule) return Promise.resolve(window.createExplorerModule);
    if (!modulePromise) {
      modulePromise = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = scriptBase + EXPLORER_JS;
        s.onload = function () { resolve(window.createExplorerModule); };
        s.onerror = function () { modulePromise = null; reject(new Error('Could not load ' + s.src)); };
        document.head.appendChild(s);
      });
    }
    return modulePromise;
  }

  // ---- download progress (the loading screen shows the WASM's and the bundle's bytes) ----

  // @return { done, total, follow(fn) }: bytes received so far, the expected total (0: unknown),
  // and follow(fn), which calls fn(done, total) now and whenever either changes.
  function makeProgress() {
    var p = { done: 0, total: 0, followers: [] };
    p.follow = function (fn) { p.followers.push(fn); fn(p.done, p.total); };
    p.set = function (done, total) {
      p.done = done; p.total = total;
      p.followers.forEach(function (fn) { fn(done, total); });
    };
    return p;
  }

  // The body's length in bytes as the stream will deliver them, or 0 when not known: no
  // Content-Length, or a Content-Encoding (the length then counts the compressed bytes).
  function expectedLength(resp) {
    var enc = resp.headers.get('Content-Encoding');
    if (enc && enc !== 'identity') return 0;
    return Number(resp.headers.get('Content-Length')) || 0;
  }

  // @return a Response with the same headers whose body reports every chunk to `progress` as it
  // is read (WebAssembly.compileStreaming reads it as it arrives), or `resp` itself when the
  // browser cannot build one.
  function countedResponse(resp, progress) {
    if (!resp.body || !resp.body.getReader || typeof ReadableStream !== 'function') return resp;
    var total = expectedLength(resp), got = 0, reader = resp.body.getReader();
    progress.set(0, total);
    var body = new ReadableStream({
      pull: function (ctrl) {
        return reader.read().then(function (r) {
          if (r.done) { progress.set(got, got); ctrl.close(); return; }
          got += r.value.length;
          progress.set(got, got > total ? 0 : total);
          ctrl.enqueue(r.value);
        });
      },
      cancel: function (why) { return reader.cancel(why); }
    });
    return new Response(body, { status: resp.status, statusText: resp.statusText, headers: resp.headers });
  }

  // @return an Error naming `url` and why: an HTTP status, or (the browser's bare "Failed to fetch") the usual causes
  function downloadError(url, why) {
    if (why && why.message) why = why.message + (/URL/.test(why.message) ? '' : ': no connection, or another origin without Access-Control-Allow-Origin');
    var e = Error('Could not download ' + url + ' (' + why + ')');
    e.download = 1;
    return e;
  }

  // a static host's page for a missing file (GitHub Pages, an SPA rewrite) can come with HTTP 200
  var WEB_PAGE = 'the server sent an HTML web page instead of the bundle: check the path and file name';
  function notWebPage(url, bytes) {
    if (/^\s*<(!doctype|html)/i.test(String.fromCharCode.apply(null, bytes.subarray(0, 64)))) throw downloadError(url, WEB_PAGE);
    return bytes;
  }

  function fetchWithProgress(url, onProgress) {
    return fetch(url).then(function (resp) {
      if (!resp.ok) throw downloadError(url, 'HTTP ' + resp.status);
      if (/html/.test(resp.headers.get('Content-Type'))) throw downloadError(url, WEB_PAGE);
      var total = expectedLength(resp);
      if (!resp.body || !resp.body.getReader) return resp.arrayBuffer().then(function (b) { return new Uint8Array(b); });
      var reader = resp.body.getReader(), chunks = [], got = 0;
      function pump() {
        return reader.read().then(function (r) {
          if (r.done) {
            var out = new Uint8Array(got), off = 0;
            chunks.forEach(function (c) { out.set(c, off); off += c.length; });
            return out;
          }
          chunks.push(r.value); got += r.value.length; onProgress(got, got > total ? 0 : total);
          return pump();
        });
      }
      return pump();
    }).then(notWebPage.bind(null, url)).then(null, function (err) { throw err && err.download ? err : downloadError(url, err); });  // no response, or it broke off
  }

  // Bundle downloads in flight, by absolute URL. A mount starts its bundle's download at once, in
  // parallel with the explorer's JS and WASM (not after the module started), and explorers mounted
  // together on one page with the same bundle share one download. A finished download is
  // forgotten, so a later loadBundle() of the same URL fetches it again.
  var downloads = {};

  // Start (or join) the download of `url`. @return { promise, done, total, follow(fn) }: promise
  // resolves to the bytes (Uint8Array) or rejects with an Error naming the URL (HTTP status,
  // network failure); follow(fn) calls fn(done, total) now and on every chunk until it is complete.
  function startDownload(url) {
    var key = url;
    try { key = new URL(url, document.baseURI).href; } catch (e) { /* keep the URL as given */ }
    if (downloads[key]) return downloads[key];
    var d = makeProgress();
    d.promise = fetchWithProgress(url, d.set);
    var forget = function () { if (downloads[key] === d) delete downloads[key]; d.followers = []; };
    d.promise.then(forget, forget);  // also marks a failure as handled until a module takes it
    downloads[key] = d;
    return d;
  }

  // ---- the loading screen: from mount() to the explorer's first drawn frame ----
  // Plain DOM over the canvas (which shows black until WebGL draws), in the colours the explorer
  // will draw with (light or dark, as options.dark or prefers-color-scheme says), with the bytes of
  // explorer.wasm and the bundle received so far. Styled through the CSSOM only (strict CSP).
  var THEMES = {
    light: { bg: '#fbfaf7', fg: '#1c1c21', dim: '#6b6b73', track: '#e6e4df', bar: '#1f5fc8' },
    dark: { bg: '#1c1d20', fg: '#e6e6e1', dim: '#9b9ba2', track: '#34353a', bar: '#78beff' }
  };
  function prefersDark() { return !!(window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches); }

  // An embed's theme when it is not given (data-dark): the host page's own, read from the first
  // background behind the container that is mostly opaque (an ancestor's, up to <html>): dark
  // below mid-grey. A page that paints no background of its own follows prefers-color-scheme.
  function hostDark(container) {
    for (var e = container.parentElement; e; e = e.parentElement) {
      var m = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,\/]+([\d.]+%?))?/.exec(getComputedStyle(e).backgroundColor);
      if (!m) continue;
      var alpha = m[4] === undefined ? 1 : m[4].slice(-1) === '%' ? parseFloat(m[4]) / 100 : +m[4];
      if (alpha < 0.5) continue;
      return 0.2126 * m[1] + 0.7152 * m[2] + 0.0722 * m[3] < 128;
    }
    return prefersDark();
  }
  function formatBytes(n) {
    return n < 1024 * 1024 ? Math.max(1, Math.round(n / 1024)) + ' KB' : (n / 1048576).toFixed(1) + ' MB';
  }

  // A loading screen over `canvas` (inserted after it, placed on the canvas' own box, so the
  // container's children and layout stay as they are). @return { el, track(progress), remove() }.
  function makeLoadingScreen(canvas, dark) {
    var t = dark ? THEMES.dark : THEMES.light;
    var font = 'font:15px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;';
    var screen = el('div', font + 'position:absolute;box-sizing:border-box;display:flex;flex-direction:column;' +
      'align-items:center;justify-content:center;gap:.6em;padding:1em;text-align:center;pointer-events:none;' +
      'background:' + t.bg + ';color:' + t.fg + ';z-index:1;');
    screen.className = 'tx-loading';
    screen.setAttribute('role', 'status');
    screen.appendChild(el('div', 'font-size:17px;font-weight:600;', 'Loading Transcript Explorer\u2026'));
    var track = el('div', 'width:min(18em,80%);height:6px;border-radius:3px;overflow:hidden;background:' + t.track + ';');
    var bar = el('div', 'height:100%;width:0;border-radius:3px;background:' + t.bar + ';');
    track.appendChild(bar);
    var text = el('div', 'font-size:13px;color:' + t.dim + ';font-variant-numeric:tabular-nums;', 'Starting\u2026');
    text.className = 'tx-loading-bytes';
    screen.appendChild(track);
    screen.appendChild(text);
    canvas.parentNode.insertBefore(screen, canvas.nextSibling);
    // the screen sits on the canvas' box within their common offset parent
    function place() {
      screen.style.left = canvas.offsetLeft + 'px';
      screen.style.top = canvas.offsetTop + 'px';
      screen.style.width = canvas.offsetWidth + 'px';
      screen.style.height = canvas.offsetHeight + 'px';
    }
    place();
    var ro = window.ResizeObserver ? new ResizeObserver(place) : null;
    if (ro) ro.observe(canvas);
    window.addEventListener('resize', place);
    var parts = [];  // one { done, total } per download followed
    function show() {
      var done = 0, total = 0, known = parts.length > 0;
      parts.forEach(function (p) { done += p.done; total += p.total; known = known && p.total > 0; });
      if (!parts.length || (done === 0 && !known)) return;
      if (known && total >= done) {
        var pct = Math.floor(100 * done / total);
        bar.style.width = pct + '%';
        text.textContent = (done >= total ? 'Starting\u2026 ' : 'Downloading\u2026 ') + formatBytes(done) + ' of ' + formatBytes(total) + ' (' + pct + '%)';
      } else {  // no total to compare with (compressed or unsized responses): the count alone
        bar.style.width = '100%';
        bar.style.opacity = '.35';
        text.textContent = 'Downloading\u2026 ' + formatBytes(done) + ' received';
      }
      screen.setAttribute('data-done', String(done));
      screen.setAttribute('data-total', known ? String(total) : '');
    }
    var removed = false;
    return {
      el: screen,
      track: function (progress) {
        if (!progress || !progress.follow) return;
        var part = { done: 0, total: 0 };
        parts.push(part);
        progress.follow(function (done, total) { if (!removed) { part.done = done; part.total = total; show(); } });
      },
      remove: function () {
        if (removed) return;
        removed = true;
        if (ro) ro.disconnect();
        window.removeEventListener('resize', place);
        if (screen.parentNode) screen.parentNode.removeChild(screen);
      }
    };
  }

  function mount(container, options) {
    options = options || {};
    var mode = options.mode === 'app' ? 'app' : 'embed';
    var why = typeof WebAssembly !== 'object' ? 'this browser has no WebAssembly'
      : typeof WebGL2RenderingContext === 'undefined' ? 'this browser has no WebGL2' : '';
    if (why) return Promise.reject(new Error('Transcript Explorer needs WebAssembly and WebGL2: ' + why));
    // Everything downloads at once: explorer.js, explorer.wasm (compiled as it arrives) and the
    // bundle (handed to the module once its main() ran).
    var factoryP = loadFactory();
    factoryP.catch(function () {});  // handled below; not "unhandled" if the check below fails
    var bundle = typeof options.bundle === 'string' && options.bundle ? startDownload(options.bundle) : options.bundle;
    // Sized by the container: give a container without a height of its own a sensible one.
    if (container.clientHeight < 2) container.style.height = (Number(options.height) || 480) + 'px';
    var canvas = document.createElement('canvas');
    // The full check is the explorer's own WebGL2 context, created on its canvas with the
    // attributes SDL asks for (SDL's context creation in main() then gets this same context from
    // getContext): 10-30 ms with software GL, spent once the WASM compilation started (it runs
    // beside it) instead of in main() after it, and no separate probe context. At 1x1 pixels:
    // main() sizes the canvas (SDL first sets 1x1 to measure its CSS size).
    var glP = compileStarted().then(function () {
      var gl = null;
      canvas.width = canvas.height = 1;
      try { gl = canvas.getContext('webgl2', GL_ATTRIBUTES); } catch (e) { gl = null; }
      if (!gl) throw new Error('Transcript Explorer needs WebAssembly and WebGL2: this browser has no WebGL2 (or it is switched off)');
      supportedOk = true;
    });
    canvas.className = 'tx-canvas';
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-label', 'Transcript explorer');
    canvas.style.cssText = 'display:block;width:100%;height:100%;outline:none;outline-offset:-2px;touch-action:none;';
    canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
    var M = null;
    // These listeners are registered before SDL's (which come with main()), and in the capture
    // phase, so they run first and can keep an event away from SDL with stopImmediatePropagation.
    // SDL's mousedown handler calls preventDefault(), which would stop a click from focusing the
    // canvas: focus it ourselves, without scrolling the page.
    var pointerFocus = false;  // the focus below comes from a click or tap, not from Tab
    function focusCanvas() {
      if (document.activeElement === canvas) return;
      pointerFocus = true;
      canvas.focus({ preventScroll: true });
      pointerFocus = false;
    }
    canvas.addEventListener('mousedown', focusCanvas, true);
    canvas.addEventListener('touchstart', focusCanvas, { capture: true, passive: true });
    // The text field: a transparent <input> laid over a text box of the canvas (created the first
    // time it is needed). Touch screens: a canvas cannot open the on-screen keyboard, so a tap on
    // the search box focuses it (synchronously, inside the tap, as mobile browsers require); what
    // is typed there becomes the query, Enter steps to the next hit. Screen readers: while a text
    // box has the keys by the keyboard (Tab, "/", Ctrl+F, ↑ from a list), the page's focus is on
    // this field (proxyKeys), named for that box (FIELDS: "Search the transcript", described by the
    // query syntax; "Filter episodes"), so a screen reader names it ("…, edit text") and reads back
    // what is typed; its text and caret go to the box, which keeps its own caret drawn, and Tab,
    // Shift+Tab, the arrows, Enter and Escape do what they do in the box. It is out of the Tab order
    // (tabindex -1), before the canvas (so Shift+Tab from it leaves the explorer for the page), and
    // lets the pointer through to the canvas.
    var FIELDS = {  // by App::field_has_keys: the name, class, and the state's rect of the box
      1: { label: 'Search the transcript', cls: 'tx-search-field', rect: 'searchBox', help: true },
      2: { label: 'Filter episodes', cls: 'tx-filter-field', rect: 'episodeFilter', help: false }
    };
    var proxy = null, help = null;
    var proxyFor = 1;         // the box the field stands in for (FIELDS)
    var proxyKeys = false;    // the field stands in for that box for the keyboard (not a tap)
    var proxySent = null;     // [text, caret] the box has from the field (sent or copied from it)
    function ensureProxy() {
      if (proxy) return proxy;
      proxy = document.createElement('input');
      proxy.type = 'search';
      proxy.tabIndex = -1;
      proxy.setAttribute('autocomplete', 'off');
      proxy.setAttribute('autocapitalize', 'off');
      proxy.setAttribute('spellcheck', 'false');
      // the search box's tooltip (the query syntax), which a screen reader reads as the field's description
      help = el('div', SR_ONLY, M ? M.UTF8ToString(M._tx_search_help()) : '');
      help.id = 'tx-search-help-' + (++fieldIds);
      help.className = 'tx-search-help';
      help.setAttribute('aria-hidden', 'true');
      container.appendChild(help);
      standFor(1);
      function send() {
        var now = [proxy.value, proxy.selectionStart === null ? -1 : proxy.selectionStart];
        if (proxySent && proxySent[0] === now[0] && proxySent[1] === now[1]) return;  // a key that changed neither
        proxySent = now;
        M.ccall('tx_text_field', null, ['string', 'number'], now);
      }
      proxy.addEventListener('input', function () {
        if (!M) return;
        if (proxyKeys) send(); else { api.setQuery(proxy.value); touchCaret(); }
      });
      proxy.addEventListener('keyup', function () { if (M) { if (proxyKeys) send(); else touchCaret(); } });  // the caret moved
      proxy.addEventListener('select', function () { if (M && !proxyKeys) touchCaret(); });
      proxy.addEventListener('keydown', function (ev) {
        if (!M) return;
        if (!proxyKeys) {
          if (ev.key === 'Enter') { ev.preventDefault(); api.nextHit(!ev.shiftKey); proxy.blur(); }
          return;
        }
        if ((ev.ctrlKey || ev.metaKey) && !ev.altKey) {
          // the text size keys work here as on the canvas (the browser would zoom the page instead)
          var dir = { '=': 1, '+': 1, '-': -1, '_': -1, '0': 0 }[ev.key];
          if (dir === undefined) return;
          ev.preventDefault();
          M._tx_step_font(dir);  // the explorer's own step and limits, as its keys and A-/A+
          return;
        }
        if (ev.altKey) return;
        var fieldKey = { ArrowDown: 0, ArrowUp: 1, Escape: 2, Enter: 3 }[ev.key];
        if (proxyFor === 1 && (ev.key === 'Enter' || ev.key === 'F3')) {
          ev.preventDefault();
          api.nextHit(!ev.shiftKey);
        } else if (fieldKey !== undefined) {
          ev.preventDefault();  // Escape would also clear a search field by itself
          M._tx_text_field_key(fieldKey);
        } else if (ev.key === 'Tab') {
          var dir = ev.shiftKey ? -1 : 1;
          if (M._tx_tab_leaves(dir)) return;  // the browser moves on to the page (the field is before the canvas)
          ev.preventDefault();
          M._tx_tab(dir);
          focusQuietly(canvas);
        }
      });
      proxy.addEventListener('blur', function (ev) {
        if (!proxyKeys && M) M._tx_touch_caret(-1);  // a tapped box: its caret goes with the field's focus
        if (!proxyKeys || ev.relatedTarget === canvas) return;
        proxyKeys = false;  // the focus left the explorer from the field
        canvas.style.outline = 'none';
        if (M) M._tx_page_focus(0, 0);
      });
      if (getComputedStyle(container).position === 'static') container.style.position = 'relative';
      placeProxy([0, 0, 1, 1]);  // out of the flow before it goes in: in it, it would push the canvas down
      canvas.parentNode.insertBefore(proxy, canvas);
      return proxy;
    }
    // Name the field for box `which` (FIELDS) and lay it over that box.
    function standFor(which) {
      var f = FIELDS[which];
      proxyFor = which;
      proxy.className = f.cls;
      proxy.setAttribute('aria-label', f.label);
      if (f.help) proxy.setAttribute('aria-describedby', help.id); else proxy.removeAttribute('aria-describedby');
      if (M) placeProxy(api.state()[f.rect]);
    }
    function placeProxy(b) {
      proxy.style.cssText = 'position:absolute;opacity:0;border:0;padding:0;margin:0;font-size:16px;pointer-events:none;' +
        'left:' + (canvas.offsetLeft + b[0]) + 'px;top:' + (canvas.offsetTop + b[1]) + 'px;width:' + b[2] + 'px;height:' + b[3] + 'px;';
    }
    // After a tap on the search box the field sends its text as the query (not through the box, which
    // is not ImGui's active item then): the box draws the field's caret, given as a byte offset.
    function touchCaret() {
      var at = proxy.selectionStart === null ? proxy.value.length : proxy.selectionStart;
      M._tx_touch_caret(new TextEncoder().encode(proxy.value.slice(0, at)).length);
    }
    function focusQuietly(target) { target.focus({ preventScroll: true }); }  // the canvas's focus handler knows the field
    canvas.addEventListener('touchend', function (e) {
      if (!M || !e.changedTouches || !e.changedTouches.length) return;
      var st = api.state(), b = st.searchBox, t = e.changedTouches[0], r = canvas.getBoundingClientRect();
      var x = t.clientX - r.left, y = t.clientY - r.top;
      if (!b || x < b[0] || y < b[1] || x > b[0] + b[2] || y > b[1] + b[3]) return;
      ensureProxy();
      proxyKeys = false;
      standFor(1);
      proxy.value = st.query || '';
      proxy.focus({ preventScroll: true });
      touchCaret();
      // a tap leaves the emulated mouse hovering the box: let go of it so no hover tooltip stays up
      canvas.dispatchEvent(new MouseEvent('mouseleave'));
    }, { passive: true });
    // What the explorer publishes for screen readers (onExplorerAnnounce): the status line, the
    // keyboard focus's item in words, which text box has the keyboard's keys (0: none; the field
    // above then takes the page's focus, named for that box) and the box's own changes to its text.
    var SR_ONLY = 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;' +
      'clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;';
    var live = null, lastTextRev = 0;
    function onAnnounce(status, focusText, fieldKeys, fieldText, textRev) {
      var ours = document.activeElement === canvas || (proxy && document.activeElement === proxy);
      live.status(status, ours);
      live.focus(focusText, ours);
      var moved = proxyKeys && document.activeElement === proxy && fieldKeys && fieldKeys !== proxyFor;
      if (fieldKeys && FIELDS[fieldKeys] && (document.activeElement === canvas || moved)) {
        ensureProxy();
        if (moved) focusQuietly(canvas);  // another box: the field is focused anew, so its new name is read
        standFor(fieldKeys);
        proxy.value = fieldText;
        if (!proxyKeys) M._tx_touch_caret(-1);  // the box takes the field's text and caret itself now
        proxyKeys = true;
        focusQuietly(proxy);
        M._tx_release_keys();  // the key that brought the focus here goes up on the field, not on the canvas
        proxy.setSelectionRange(proxy.value.length, proxy.value.length);
        proxySent = [proxy.value, proxy.value.length];  // the key that brought the focus here ends on the field (keyup)
      } else if (!fieldKeys && proxyKeys && document.activeElement === proxy) {
        focusQuietly(canvas);
        proxyKeys = false;
      }
      if (textRev !== lastTextRev) {
        lastTextRev = textRev;
        if (proxyKeys && proxy && proxy.value !== fieldText) {
          proxy.value = fieldText;
          proxy.setSelectionRange(fieldText.length, fieldText.length);
          proxySent = [proxy.value, proxy.value.length];
        }
      }
    }
    if (mode === 'embed') touchScrollsPage(canvas, function () { return M; });
    if (mode === 'embed') {
      // SDL's wheel handler always calls preventDefault(): only let it see wheel events that
      // would scroll a pane of the explorer (asked of the WASM side); the others scroll the page.
      canvas.addEventListener('wheel', function (e) {
        if (!M) { e.stopImmediatePropagation(); return; }
        if (e.ctrlKey) { e.stopImmediatePropagation(); return; }  // the browser's page zoom
        var r = canvas.getBoundingClientRect();
        if (!M._tx_wheel_would_scroll(e.clientX - r.left, e.clientY - r.top, e.deltaX, e.deltaY))
          e.stopImmediatePropagation();
      }, { capture: true, passive: true });
    }
    // Tab / Shift+Tab move between the explorer's parts (search box, buttons, timeline, tabs, list,
    // reader); from the last part (Shift+Tab: the first) the key is kept from SDL, which would
    // swallow it, so the browser moves the focus on to the page: no focus trap. Entering by Tab
    // starts at the first part, by Shift+Tab at the last.
    canvas.addEventListener('keydown', function (e) {
      if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey) return;
      if (!M || M._tx_tab_leaves(e.shiftKey ? -1 : 1)) e.stopImmediatePropagation();
    }, true);
    // Ctrl+V / Cmd+V / Shift+Insert: kept from SDL, which cancels the key, so that the browser fires
    // its paste event; its text goes to the explorer's text box (ImGui cannot read the page's
    // clipboard). Capped far above what the box holds (4 KB), as ccall copies it onto the stack.
    canvas.addEventListener('keydown', function (e) {
      if (((e.ctrlKey || e.metaKey) && !e.altKey && e.code === 'KeyV') || (e.shiftKey && e.code === 'Insert'))
        e.stopImmediatePropagation();
    }, true);
    canvas.addEventListener('paste', function (e) {
      var text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
      if (!M || !text) return;
      e.preventDefault();
      M.ccall('tx_paste_text', 'number', ['string'], [text.slice(0, 16384)]);
    });
    canvas.addEventListener('focus', function (e) {
      var from = e.relatedTarget;
      // a focus ring on the canvas when the keyboard brought the focus (an embed among the page's
      // own links and fields); the part inside that has the keys draws its own ring
      if (mode === 'embed' && !pointerFocus && canvas.matches(':focus-visible')) canvas.style.outline = '2px solid #3b82f6';
      if (M && !pointerFocus && from && from !== canvas && !(proxy && from === proxy))
        M._tx_focus_enter(from.compareDocumentPosition(canvas) & Node.DOCUMENT_POSITION_FOLLOWING ? 1 : -1);
      // The explorer draws a caret in a text box only while its canvas has the page's focus (an
      // embed must not look as if it took the keys of the host's own fields); a click or tap on
      // the canvas says itself where keys go. (Synced once more when the module is ready, below.)
      if (M) M._tx_page_focus(1, pointerFocus ? 1 : 0);
    });
    canvas.addEventListener('blur', function (e) {
      if (proxyKeys && e.relatedTarget === proxy) return;  // the field stands in for the canvas
      canvas.style.outline = 'none';
      if (M) M._tx_page_focus(0, 0);
    });
    var allowOpen = options.allowOpen === undefined ? mode === 'app' : !!options.allowOpen;
    var opener = allowOpen ? makeOpener(container, canvas, mode, function () { return api; }) : null;
    if (!opener) container.appendChild(canvas);
    live = makeLiveRegions(container, SR_ONLY);  // in the page from the start: a region added with its text is often not read
    var sizeEl = opener ? opener.stage : container;
    var themeOf = mode === 'embed' ? hostDark : prefersDark;  // an embed dresses like the page around it
    var darkAtStart = options.dark !== undefined ? !!options.dark : themeOf(container);
    if (opener) opener.setDark(darkAtStart);  // the bar above the canvas, until the explorer sets it
    var loading = makeLoadingScreen(canvas, darkAtStart);
    if (wasmDownload && !window.createExplorerModule) loading.track(wasmDownload);
    if (bundle && bundle.follow) loading.track(bundle);
    var listeners = {};
    var api = {
      canvas: canvas,
      state: function () {
        if (!M) return { ready: false, phase: 'starting', error: null };
        return JSON.parse(M.UTF8ToString(M._tx_state_json()));
      },
      setQuery: function (q) { if (M) M.ccall('tx_set_query', null, ['string'], [String(q)]); },
      seek: function (where) {
        if (M) M._tx_seek(Math.max(0, (where && where.episode) | 0), Math.max(0, Number(where && where.timeMs) || 0));
      },
      nextHit: function (forward) { if (M) M._tx_next_hit(forward === false ? 0 : 1); },
      setDark: function (dark) { if (M) M._tx_set_dark(dark ? 1 : 0); if (opener) opener.setDark(!!dark); },
      setFontScale: function (s) { if (M) M._tx_set_font_scale(Number(s) || 1); },
      deepLink: function () { return M ? M.UTF8ToString(M._tx_deep_link()) : ''; },
      applyDeepLink: function (h) { if (M) M.ccall('tx_apply_deep_link', null, ['string'], [String(h || '')]); },
      lastCopied: null,
      episodes: function () { return M ? JSON.parse(M.UTF8ToString(M._tx_episodes_json())) : []; },
      openFiles: function (files) {
        if (!M) return Promise.reject(new Error('explorer not started'));
        var run = function () { return importFiles(M, Array.prototype.slice.call(files || []), opener); };
        importing = importing.then(run, run);
        return importing.then(function (res) {
          if (res.episodes > 0) { var st = api.state(); api._emit('change', st); }
          api._emit('open', res);
          return res;
        });
      },
      loadBundle: function (src) {
        if (!M) return Promise.reject(new Error('explorer not started'));
        return handOver(typeof src === 'string' ? startDownload(src) : src);
      },
      on: function (name, fn) { (listeners[name] = listeners[name] || []).push(fn); },
      _emit: function (name, detail) { (listeners[name] || []).forEach(function (f) { f(detail); }); }
    };
    // Give the module a bundle: bytes (Uint8Array / ArrayBuffer) or a download (startDownload),
    // which may have finished long before the module started. Bytes that are already here are
    // loaded in the same microtask, so the first frame the module draws shows them.
    function handOver(src) {
      var bytesP;
      if (src && src.promise) {
        src.follow(function (done, total) { M._tx_download_progress(done, total); });  // "Downloading", even at 0
        bytesP = src.promise;
      } else {
        bytesP = Promise.resolve(src instanceof Uint8Array ? src : new Uint8Array(src));
      }
      return bytesP.then(function (bytes) {
        var ptr = M._malloc(bytes.length || 1);
        M.HEAPU8.set(bytes, ptr);
        M._tx_load_bundle(ptr, bytes.length);  // frees ptr
        return api.state();
      }, function (err) {
        M.ccall('tx_fail', null, ['string'], [String(err && err.message || err)]);
        return api.state();
      });
    }
    var importing = Promise.resolve();
    var writtenHash = null;  // the explorer's place last written to location.hash (options.hash)
    var shownHash = null;    // location.hash as the explorer left it (its place, or a link followed)
    // The page's address without its hash (and, when the hash holds the place, the ?q=, ?t=, ?ep= taken as options)
    function pageUrl() {
      var u = new URL(location.href);
      u.hash = '';
      if (options.hash) ['q', 't', 'ep'].forEach(function (k) { if (u.searchParams.has(k)) u.searchParams.delete(k); });
      return u.href;
    }
    container.transcriptExplorer = api;
    return glP.then(function () { return factoryP; }, function (err) {
      // no WebGL2 after all: take the explorer's elements out again (the caller may show a message)
      loading.remove();
      if (opener) opener.remove(); else if (canvas.parentNode) canvas.parentNode.removeChild(canvas);
      live.els.forEach(function (r) { if (r.parentNode) r.parentNode.removeChild(r); });
      delete container.transcriptExplorer;
      throw err;
    }).then(function (loaded) {
      var factory = loaded.factory;
      return new Promise(function (resolve, reject) {
        var pageTitle = document.title;
        var moduleArg = {
          canvas: canvas,
          locateFile: function (p) { return scriptBase + p; },
          print: function (t) { console.log(t); },
          printErr: function (t) { console.warn(t); },
          preRun: [function (mod) { mod.specialHTMLTargets['#canvas'] = canvas; }],
          // SDL_CreateWindow sets document.title to the window's name: keep the page's own title.
          onExplorerReady: function () { M = moduleArg; if (document.title !== pageTitle) document.title = pageTitle; resolve(); },
          onExplorerChange: function () {
            var st = api.state();
            if (st.frames > 0) loading.remove();  // the explorer drew: its own screen from here on
            // Only a change of the explorer's own place is written, never over a link set since
            // (its hashchange not yet dispatched): a change drawn in between (topics done, theme,
            // the last link's move late on a busy machine) must not overwrite the reader's link.
            if (options.hash && st.ready && st.hash !== writtenHash && (shownHash === null || location.hash === shownHash)) {
              writtenHash = st.hash;
              var h = '#' + st.hash;
              if (location.hash !== h || pageUrl() !== location.href.split('#')[0]) { try { history.replaceState(null, '', pageUrl() + h); } catch (e) { /* file:// in some browsers */ } }
              shownHash = location.hash;
            }
            api._emit('change', st);
          },
          onExplorerCopy: function (text) {
            api.lastCopied = text;
            copyToClipboard(text).then(function (ok) { if (M) M._tx_copy_result(ok ? 1 : 0); });
            api._emit('copy', text);
          },
          onExplorerAnnounce: onAnnounce,
          onExplorerOpen: function (url) {
            if (/^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener');
          }
        };
        // The WASM this loader compiled while explorer.js downloaded: Emscripten instantiates
        // it instead of fetching explorer.wasm itself.
        if (loaded.wasm) moduleArg.instantiateWasm = function (imports, receiveInstance) {
          loaded.wasm.then(function (mod) {
            return WebAssembly.instantiate(mod, imports).then(function (instance) { receiveInstance(instance, mod); });
          }).catch(reject);
          return {};  // the exports arrive through receiveInstance
        };
        // MODULARIZE uses the object passed in as the Module (exports, HEAPU8, ccall land on it), so
        // it is the instance once main() ran. With synchronous compilation (the single-file build)
        // the factory's promise does not settle before main() calls onExplorerReady, so do not wait for it.
        var boot = factory(moduleArg);
        if (boot && boot.then) boot.then(function (mod) { M = M || mod; }, reject);
      });
    }).then(function () {
      // A microtask after onExplorerReady: main() has returned and scheduled its first frame (an
      // animation frame, so it runs after this); everything below, the bundle included when it
      // is already here, goes into that first frame.
      var resize = function () {
        var r = sizeEl.getBoundingClientRect();
        M._tx_resize(Math.max(1, Math.round(r.width)), Math.max(1, Math.round(r.height)));
        // the search field follows the box, which moves once the explorer drew at the new size
        if (proxyKeys) setTimeout(function () { if (proxyKeys) placeProxy(api.state()[FIELDS[proxyFor].rect]); }, 120);
      };
      if (window.ResizeObserver) new ResizeObserver(resize).observe(sizeEl);
      window.addEventListener('resize', resize);
      resize();
      // Quotes link to this page with the position in its hash: only from an explorer that reads
      // the hash back (the page's own, or the first embed of a page); another embed's quote would
      // open in the first one, so it carries no link.
      M.ccall('tx_set_page_url', null, ['string'], [options.hash || options.readHash ? pageUrl() : '']);
      var mq = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
      if (options.dark !== undefined) api.setDark(options.dark);
      else {
        // follow the reader's preference and, in an embed, the page's own theme switch (a class or
        // style on <html> or <body>; read again once a colour transition has had time to end)
        var theme = themeOf(container);
        api.setDark(theme);
        var follow = function () {
          var now = themeOf(container);
          if (now !== theme) { theme = now; api.setDark(now); }
        };
        var followSoon = function () { follow(); setTimeout(follow, 500); };
        if (mq && mq.addEventListener) mq.addEventListener('change', followSoon);
        if (mode === 'embed' && window.MutationObserver) {
          var mo = new MutationObserver(followSoon);
          [document.documentElement, document.body].forEach(function (e) { if (e) mo.observe(e, { attributes: true }); });
        }
      }
      // Where the page's focus is now (the canvas's focus and blur handlers above tell every move).
      M._tx_page_focus(document.activeElement === canvas ? 1 : 0, 0);
      document.addEventListener('visibilitychange', function () { M._tx_wake(); });
      // The initial query goes in before the bundle: the model keeps it and searches once loaded,
      // and the search box (drawn once ready) starts with it. Set after loading, the box may
      // already be active with its own copy of the old text.
      if (options.query) api.setQuery(options.query);
      var first = bundle;
      bundle = null;  // the bytes live on in the module's heap, not in this closure
      return (first ? handOver(first) : Promise.resolve()).then(function () {
        // where the embed opens (data-time / data-episode); a link's hash, read below, goes over it
        var start = startLink(options);
        if (start) api.applyDeepLink(start);
        if (options.hash && location.hash.length > 1) api.applyDeepLink(location.hash.slice(1));
        if (options.hash) shownHash = location.hash;
        if (options.hash) window.addEventListener('hashchange', function () {
          shownHash = location.hash;
          var h = location.hash.slice(1);
          if (h === api.state().hash) return;
          // the hash is the whole place here: one with no q (Back to before a search, a shared
          // #ep=0&t=90) has no search, as it has when opened in a new tab
          api.applyDeepLink(/(^|&)q=/.test(h) ? h : 'q=&' + h);
          writtenHash = null;  // the next change writes the place the link led to (or kept, if it was bad)
        });
        if (!options.hash && options.readHash) {
          // a guest in the page: read only the explorer's keys of the host's hash, never write it
          var applied = explorerKeys(location.hash);
          if (applied) api.applyDeepLink(applied);
          window.addEventListener('hashchange', function () {
            var h = explorerKeys(location.hash);
            if (h && h !== applied) { applied = h; api.applyDeepLink(h); }
          });
        }
        removeLoadingWhenDrawn();
        return api;
      });
    }).then(null, function (err) {
      loading.remove();
      throw err;
    });
    // The explorer normally reports its first drawn frame through onExplorerChange; this covers a
    // first frame that changed nothing it reports.
    function removeLoadingWhenDrawn() {
      var tries = 0;
      (function check() {
        if (api.state().frames > 0 || ++tries > 200) loading.remove();
        else setTimeout(check, 50);
      })();
    }
  }

  // ---- screen readers: the live regions ----
  var STATUS_SETTLE_MS = 700;  // the status line is read once it stayed the same this long (typing)
  var FOCUS_SETTLE_MS = 200;   // the focus's item once the keys stopped this long (↓ held down)

  // Two visually hidden polite live regions in `container`: the search status and the focused item,
  // separate so one does not cut the other off. Each is told its text on every change; it is put
  // in the region once it stayed the same for its settle time, only while the explorer has the
  // page's focus (`ours`), and never twice in a row (an empty text resets that: the same count is
  // read again for a new query). @return { status(text, ours), focus(text, ours), els }.
  function makeLiveRegions(container, css) {
    function region(cls, label) {
      var d = el('div', css);
      d.className = cls;
      d.setAttribute('role', 'status');  // polite, read whole
      d.setAttribute('aria-live', 'polite');
      d.setAttribute('aria-atomic', 'true');
      d.setAttribute('aria-label', label);
      container.appendChild(d);
      return d;
    }
    function settled(node, ms) {
      var pending = '', timer = 0, spoken = '';
      return function (text, ours) {
        text = String(text || '');
        if (text === pending && timer) return;
        pending = text;
        clearTimeout(timer);
        timer = 0;
        if (!text) { spoken = ''; return; }
        timer = setTimeout(function () {
          timer = 0;
          if (!ours || pending === spoken) return;
          spoken = pending;
          node.textContent = pending;
        }, ms);
      };
    }
    var statusEl = region('tx-live-status', 'Search status');
    var focusEl = region('tx-live-focus', 'Explorer focus');
    return { status: settled(statusEl, STATUS_SETTLE_MS), focus: settled(focusEl, FOCUS_SETTLE_MS), els: [statusEl, focusEl] };
  }

  // Embeds on touch screens: the canvas has touch-action:none (its panes scroll under a drag), so
  // the browser never scrolls the page from a drag that starts on it; an explorer most of a phone's
  // screen high would trap the reader. As with the wheel, a vertical drag that no pane under the
  // finger can follow (the header, the timeline, a pane at its end) scrolls the page instead. SDL
  // sees a touch only once its gesture is known: a drag given to the page never reaches it (no
  // press, so no click where it started); a tap or a drag the explorer takes is replayed from its
  // start.
  // A drag given to the page that ends while the finger still moves (a flick) coasts on, slowing
  // down as the browser's own touch scrolling does; a finger that stopped before lifting does not.
  var TOUCH_SLOP = 8;  // px a finger moves before a touch is a drag, not a tap
  var FLICK_MOVES = 4;        // a lifted finger's speed: over its last 4 moves
  var FLICK_REST_MS = 50;     // a finger still this long before it lifts does not flick
  var FLICK_MIN_SPEED = 0.3;  // px/ms below which a lifted finger does not coast
  var COAST_TAU_MS = 325;     // the coast's speed falls by 1/e every 325 ms (~0.95 per frame at 60 Hz)
  function touchScrollsPage(canvas, getModule) {
    var start = null;  // the held-back touchstart of the gesture being decided, or null
    var owner = '';    // '', 'explorer' or 'page'
    var lastY = 0, replaying = false;
    var moves = [];    // the page-owned drag's recent moves: {t, y} (screen px)
    var coast = null;  // the running coast: {v (px/ms, + scrolls content down), carry (px), t, el}, or null
    function stopCoast() { coast = null; }
    function coastFrame(now) {
      if (!coast) return;
      var dt = Math.max(0, now - coast.t), decay = Math.exp(-dt / COAST_TAU_MS);
      coast.t = now;
      coast.carry += coast.v * COAST_TAU_MS * (1 - decay);  // the distance covered in dt, exactly
      var step = Math.trunc(coast.carry), before = scrollTop(coast.el);
      coast.v *= decay;
      if (step) {
        coast.carry -= step;
        coast.el.scrollBy(0, step);
        if (scrollTop(coast.el) === before) { coast = null; return; }  // the page's end
      }
      if (Math.abs(coast.v) < 0.02) { coast = null; return; }
      requestAnimationFrame(coastFrame);
    }
    // px/ms of the finger's last (up to FLICK_MOVES) moves; 0 if it rested before lifting: no move for
    // FLICK_REST_MS, or for 1.5 times the gap between its last moves when they came further apart
    // (a busy device delivers a moving finger once per frame). As the explorer's panes (main_web.cpp).
    function flickSpeed(tEnd) {
      var m = moves, n = m.length;
      if (n < 2) return 0;
      var span = m[n - 1].t - m[0].t;
      if (span <= 0 || tEnd - m[n - 1].t > Math.max(FLICK_REST_MS, 1.5 * span / (n - 1))) return 0;
      return (m[0].y - m[n - 1].y) / span;
    }
    // a new touch, a wheel or a key anywhere on the page (or around a same-origin frame) stops a coast
    var views = [window];
    try { if (window.parent && window.parent !== window && window.parent.document) views.push(window.parent); } catch (e) { /* another origin */ }
    views.forEach(function (v) {
      ['touchstart', 'wheel', 'keydown', 'mousedown'].forEach(function (type) {
        v.addEventListener(type, stopCoast, { capture: true, passive: true });
      });
    });
    function replay(ev) {
      var t = ev.changedTouches[0];
      var copy = function (tt) {
        return new Touch({ identifier: tt.identifier, target: canvas, clientX: tt.clientX, clientY: tt.clientY,
                           pageX: tt.pageX, pageY: tt.pageY, screenX: tt.screenX, screenY: tt.screenY });
      };
      var touches = Array.prototype.map.call(ev.touches, copy);
      replaying = true;
      try {
        canvas.dispatchEvent(new TouchEvent('touchstart', { bubbles: true, cancelable: true, touches: touches,
          targetTouches: touches, changedTouches: [copy(t)] }));
      } finally { replaying = false; }
    }
    function toExplorer() { owner = 'explorer'; if (start) { var s0 = start; start = null; replay(s0); } }
    canvas.addEventListener('touchstart', function (e) {
      if (replaying) return;
      if (!getModule() || typeof Touch !== 'function' || owner === 'explorer' || e.touches.length > 1) {
        toExplorer();  // a second finger (or no module yet): the explorer's, as before
        return;
      }
      owner = '';
      start = e;
      lastY = e.changedTouches[0].screenY;
      e.stopImmediatePropagation();
    }, { capture: true, passive: true });
    canvas.addEventListener('touchmove', function (e) {
      if (owner === 'explorer' || !start && owner !== 'page') return;
      var t = e.changedTouches[0];
      if (owner === '') {
        var t0 = start.changedTouches[0], dx = t.clientX - t0.clientX, dy = t.clientY - t0.clientY;
        if (Math.abs(dx) < TOUCH_SLOP && Math.abs(dy) < TOUCH_SLOP) { e.stopImmediatePropagation(); return; }
        var r = canvas.getBoundingClientRect();
        // a finger moving up (dy < 0) scrolls content down, as a wheel's positive deltaY does
        var page = Math.abs(dy) > Math.abs(dx) && !getModule()._tx_wheel_would_scroll(t0.clientX - r.left, t0.clientY - r.top, 0, -dy);
        if (!page) { toExplorer(); return; }
        owner = 'page';
        start = null;
        lastY = t0.screenY;
        moves = [];
      }
      e.stopImmediatePropagation();
      // screen coordinates: a frame's own coordinates move with the page scrolled around it
      scrollParent(canvas).scrollBy(0, lastY - t.screenY);
      lastY = t.screenY;
      moves.push({ t: performance.now(), y: t.screenY });
      if (moves.length > FLICK_MOVES) moves.shift();
    }, { capture: true, passive: true });
    function end(e) {
      if (replaying) return;
      if (owner === '' && start) toExplorer();  // a tap: SDL gets its start now, then this end
      else if (owner === 'page') {
        e.stopImmediatePropagation();
        var v = e.type === 'touchend' ? flickSpeed(performance.now()) : 0;
        if (Math.abs(v) >= FLICK_MIN_SPEED) {
          coast = { v: v, carry: 0, t: performance.now(), el: scrollParent(canvas) };
          requestAnimationFrame(coastFrame);
        }
      }
      if (!e.touches || !e.touches.length) { owner = ''; start = null; moves = []; }
    }
    canvas.addEventListener('touchend', end, { capture: true, passive: true });
    canvas.addEventListener('touchcancel', end, { capture: true, passive: true });
  }
  function scrollTop(el) { return el.scrollY !== undefined ? el.scrollY : el.scrollTop; }
  // The nearest ancestor of `el` that scrolls vertically, else its window; a window that cannot
  // scroll (embed.html in an iframe) hands over to the page around its frame when that page is of
  // the same origin (a page of another origin cannot be scrolled from here).
  function scrollParent(el) {
    var doc = el.ownerDocument, view = doc.defaultView;
    for (var p = el.parentElement; p && p !== doc.body && p !== doc.documentElement; p = p.parentElement) {
      var oy = view.getComputedStyle(p).overflowY;
      if ((oy === 'auto' || oy === 'scroll') && p.scrollHeight > p.clientHeight) return p;
    }
    var root = doc.scrollingElement || doc.documentElement;
    if (root.scrollHeight <= view.innerHeight + 1 || view.getComputedStyle(root).overflowY === 'hidden') {
      var frame = null;
      try { frame = view.frameElement; } catch (e) { frame = null; }  // another origin: null or throws
      if (frame) return scrollParent(frame);
    }
    return view;
  }

  // The explorer's deep-link keys (q, ep, t) of a page's hash, in a form for applyDeepLink, or ''
  // when it has none: '#comments' gives '', '#ep=0&t=1282&x=1' gives 'ep=0&t=1282'.
  function explorerKeys(hash) {
    return String(hash || '').replace(/^#/, '').split('&').filter(function (kv) {
      return /^(q|ep|t)=/.test(kv);
    }).join('&');
  }

  // Put `text` on the clipboard. @return a Promise of true, or false when the browser refused.
  // The Clipboard API is missing over plain http and blocked in an iframe on another origin than
  // its page (the iframe embed in a post) unless the iframe has allow="clipboard-write"; there
  // the older execCommand('copy') still works during the click or key that asked for it (it
  // fires a copy event whose data is set here: no selection, so the page's focus stays put).
  function copyToClipboard(text) {
    var legacy = function () {
      var done = false;
      var onCopy = function (e) { e.clipboardData.setData('text/plain', text); e.preventDefault(); done = true; };
      document.addEventListener('copy', onCopy, true);
      try { document.execCommand('copy'); } catch (e) { done = false; }
      document.removeEventListener('copy', onCopy, true);
      return done;
    };
    if (!navigator.clipboard || !navigator.clipboard.writeText) return Promise.resolve(legacy());
    var policy = document.featurePolicy || document.permissionsPolicy;
    if (policy && policy.allowsFeature && !policy.allowsFeature('clipboard-write')) return Promise.resolve(legacy());
    return navigator.clipboard.writeText(text).then(function () { return true; }, function () { return legacy(); });
  }

  // The deep link of options.episode / options.time (the moment an embed opens at), or '' when
  // neither is given: { episode: 2, time: '21:30' } gives 'ep=2&t=21:30'. The values go in as
  // written, less the characters that would start another key ('&', '=', '#'), so a bad one is
  // reported by the explorer ("t=\"soon\" is not a time") instead of taken for something else.
  function startLink(options) {
    var keys = [];
    var value = function (v) { return String(v).trim().replace(/[&=#]/g, ''); };
    if (options.episode !== undefined && options.episode !== null && options.episode !== '') keys.push('ep=' + value(options.episode));
    if (options.time !== undefined && options.time !== null && options.time !== '') keys.push('t=' + value(options.time));
    return keys.join('&');
  }

  // ---- bring your own transcripts: "Open transcripts…", drag-and-drop, progress, per-file errors ----
  // Everything is plain DOM next to the canvas; every file name and message goes in as textContent.
  var ACCEPT = '.txt,.vtt,.srt,.sbv,.ass,.ssa,.json,.json3,.html,.htm,.ttml,.dfxp,.txb,text/plain,text/vtt,application/json,text/html,application/ttml+xml';
  var MAX_FILE_BYTES = 1024 * 1024 * 1024;

  function el(tag, css, text) {
    var e = document.createElement(tag);
    if (css) e.style.cssText = css;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function hasFiles(e) {
    var t = e.dataTransfer && e.dataTransfer.types;
    if (!t) return false;
    for (var i = 0; i < t.length; i++) if (t[i] === 'Files') return true;
    return false;
  }

  // Build the bar (button, hint, progress), the stage holding the canvas, the error panel and the
  // drop overlay inside `container`. @return { stage, setDark, progress, done, ... }.
  function makeOpener(container, canvas, mode, getApi) {
    var font = 'font:14px/1.3 system-ui,-apple-system,"Segoe UI",sans-serif;';
    var wrap = el('div', 'display:flex;flex-direction:column;width:100%;height:100%;');
    var bar = el('div', font + 'display:flex;align-items:center;gap:.7em;padding:5px 10px;flex:0 0 auto;' +
      'border-bottom:1px solid rgba(128,128,128,.25);min-height:28px;overflow:hidden;white-space:nowrap;');
    bar.className = 'tx-open-bar';
    var button = el('button', font + 'padding:3px 10px;border-radius:5px;border:1px solid rgba(128,128,128,.55);' +
      'background:transparent;color:inherit;cursor:pointer;', 'Open transcripts\u2026');
    button.type = 'button';
    button.className = 'tx-open';
    button.title = 'Open .txt, .vtt, .srt, .sbv, .ass, .ssa, .json (Whisper, Deepgram, Rev.ai, AWS, Google, AssemblyAI, Podcasting 2.0), .json3, .html, .ttml, .dfxp or .txb files from this computer' + (mode === 'app' ? ' (Ctrl+O)' : '');
    var input = el('input', 'display:none;');
    input.type = 'file';
    input.multiple = true;
    input.accept = ACCEPT;
    input.className = 'tx-open-input';
    // A phone or tablet without a mouse or trackpad cannot drag files onto the page: no drop hint there.
    var canDrop = !window.matchMedia || window.matchMedia('(any-pointer: fine)').matches;
    // whole phrases or none (not "nothing i…"): it wraps only before a " · " or at its start, onto a hidden line
    var hint = el('span', 'opacity:.7;overflow:hidden;white-space:normal;height:1.3em;',
      ('\u200b' + (canDrop ? (mode === 'app' ? 'or drop files anywhere' : 'or drop files here') + ' \u00b7 ' : '') +
      'read in your browser \u00b7 nothing is uploaded').replace(/ (?!\u00b7)/g, '\u00a0'));
    var status = el('span', 'display:none;align-items:center;gap:.5em;');
    status.className = 'tx-open-status';
    status.setAttribute('role', 'status');
    var bar_progress = el('progress', 'width:8em;');
    var statusText = el('span');
    status.appendChild(bar_progress);
    status.appendChild(statusText);
    // Remembering (app mode only, and only when the reader ticks the box): the files that opened are
    // kept in this browser's IndexedDB, and a "Reopen" button brings them back on a later visit.
    var remember = el('label', 'display:none;align-items:center;gap:.3em;cursor:pointer;');
    remember.className = 'tx-open-remember';
    var rememberBox = el('input');
    rememberBox.type = 'checkbox';
    remember.appendChild(rememberBox);
    remember.appendChild(document.createTextNode('Remember these files in this browser'));
    var reopen = el('button', font + 'display:none;padding:3px 10px;border-radius:5px;border:1px solid rgba(128,128,128,.55);' +
      'background:transparent;color:inherit;cursor:pointer;');
    reopen.type = 'button';
    reopen.className = 'tx-reopen';
    var lastFiles = [];
    bar.appendChild(button); bar.appendChild(reopen); bar.appendChild(input); bar.appendChild(hint); bar.appendChild(status);
    bar.appendChild(remember);
    function showReopen(set) {
      var n = set && set.files ? set.files.length : 0;
      reopen.style.display = n ? '' : 'none';
      reopen.textContent = 'Reopen last ' + (n === 1 ? 'file' : n + ' files');
      reopen.title = n ? 'Saved in this browser: ' + set.files.map(function (f) { return f.name; }).join(', ') : '';
      if (n) rememberBox.checked = true;
    }
    if (mode === 'app') {
      idb('readonly', function (st) { return st.get(REMEMBER_KEY); }).then(showReopen, function () {});
      rememberBox.addEventListener('change', function () {
        var save = rememberBox.checked && lastFiles.length;
        idb('readwrite', function (st) {
          return save ? st.put({ files: lastFiles, saved: Date.now() }, REMEMBER_KEY) : st.delete(REMEMBER_KEY);
        }).then(function () { showReopen(save ? { files: lastFiles } : null); }, function (err) {
          rememberBox.checked = false;
          remember.title = 'Could not save: ' + String(err && err.message || err);
        });
      });
      reopen.addEventListener('click', function () {
        idb('readonly', function (st) { return st.get(REMEMBER_KEY); }).then(function (set) {
          if (set && set.files && set.files.length) getApi().openFiles(set.files);
        }, function () {});
      });
    }
    var stage = el('div', 'position:relative;flex:1 1 auto;min-height:0;');
    stage.appendChild(canvas);
    var panel = el('div', font + 'display:none;position:absolute;top:8px;right:8px;max-width:min(34em,90%);max-height:60%;' +
      'overflow:auto;padding:8px 10px 8px 12px;border-radius:6px;border:1px solid #d9a0a0;background:#fff6f5;color:#5a1d1d;' +
      'box-shadow:0 2px 10px rgba(0,0,0,.15);z-index:2;');
    panel.className = 'tx-open-errors';
    panel.setAttribute('role', 'alert');
    var panelHead = el('div', 'display:flex;align-items:flex-start;gap:1em;font-weight:600;');
    var panelTitle = el('span', 'flex:1;');
    var close = el('button', 'border:0;background:transparent;color:inherit;font:18px/1 sans-serif;cursor:pointer;padding:0 2px;', '\u00d7');
    close.type = 'button';
    close.className = 'tx-open-errors-close';
    close.setAttribute('aria-label', 'Dismiss these messages');
    panelHead.appendChild(panelTitle); panelHead.appendChild(close);
    var list = el('ul', 'margin:.4em 0 0;padding-left:1.2em;');
    panel.appendChild(panelHead); panel.appendChild(list);
    stage.appendChild(panel);
    wrap.appendChild(bar); wrap.appendChild(stage);
    container.appendChild(wrap);

    var overlay = el('div', font + 'display:none;position:' + (mode === 'app' ? 'fixed;inset:0;' : 'absolute;inset:0;') +
      'z-index:2147483000;align-items:center;justify-content:center;background:rgba(40,90,200,.16);' +
      'border:3px dashed rgba(40,90,200,.8);box-sizing:border-box;font-size:20px;color:#123;pointer-events:none;');
    overlay.appendChild(el('span', 'background:#fff;padding:.6em 1em;border-radius:8px;box-shadow:0 2px 12px rgba(0,0,0,.2);',
      'Drop transcripts to open them (.txt, .vtt, .srt, .json, .html, .txb)'));
    overlay.className = 'tx-drop-overlay';
    if (mode === 'app') document.body.appendChild(overlay); else { stage.appendChild(overlay); }

    close.addEventListener('click', function () { panel.style.display = 'none'; list.textContent = ''; });
    button.addEventListener('click', function () { input.value = ''; input.click(); });
    input.addEventListener('change', function () {
      if (input.files && input.files.length) getApi().openFiles(input.files);
    });
    var target = mode === 'app' ? window : container, depth = 0;
    function hide() { depth = 0; overlay.style.display = 'none'; }
    target.addEventListener('dragenter', function (e) {
      if (removed || !hasFiles(e)) return;
      e.preventDefault();
      depth++;
      overlay.style.display = 'flex';
    });
    target.addEventListener('dragover', function (e) {
      if (removed || !hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      overlay.style.display = 'flex';
    });
    target.addEventListener('dragleave', function (e) {
      if (!hasFiles(e)) return;
      if (--depth <= 0) hide();
    });
    target.addEventListener('drop', function (e) {
      if (removed || !hasFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      hide();
      if (e.dataTransfer.files && e.dataTransfer.files.length) getApi().openFiles(e.dataTransfer.files);
    });
    if (mode === 'app') {
      window.addEventListener('keydown', function (e) {
        if (!removed && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && (e.key === 'o' || e.key === 'O')) {
          e.preventDefault();
          e.stopImmediatePropagation();
          input.value = '';
          input.click();
        }
      }, true);
    }

    var removed = false;  // remove() ran: the page-wide listeners below do nothing
    var api_ = {
      stage: stage,
      remove: function () {
        removed = true;
        if (wrap.parentNode) wrap.parentNode.removeChild(wrap);
        if (overlay.parentNode) overlay.parentNode.removeChild(overlay);
      },
      setDark: function (dark) {
        bar.style.color = dark ? '#e6e6e1' : '#1d1d22';
        bar.style.background = dark ? '#1c1d20' : '#f3f2ef';
      },
      progress: function (done, total, name) {
        status.style.display = 'inline-flex';
        hint.style.display = 'none';
        button.disabled = true;
        bar_progress.max = total;
        bar_progress.value = done;
        statusText.textContent = 'Reading ' + (done + 1) + ' of ' + total + ': ' + name;
      },
      done: function (res, okFiles) {
        status.style.display = 'none';
        if (mode === 'app' && res.episodes > 0) {
          lastFiles = okFiles || [];
          remember.style.display = 'inline-flex';
          if (rememberBox.checked) rememberBox.dispatchEvent(new Event('change'));  // keep remembering: the new set
        }
        hint.style.display = '';
        button.disabled = false;
        list.textContent = '';
        if (!res.errors.length) { panel.style.display = 'none'; return; }
        panelTitle.textContent = res.episodes > 0
          ? res.errors.length + ' of ' + res.files + ' files could not be opened (the others are loaded):'
          : (res.files === 1 ? 'The file could not be opened:' : 'None of the ' + res.files + ' files could be opened:');
        res.errors.forEach(function (er) {
          var li = el('li', 'margin:.25em 0;');
          li.appendChild(el('b', '', er.name));
          li.appendChild(document.createTextNode(': ' + er.message));
          list.appendChild(li);
        });
        panel.style.display = 'block';
      }
    };
    api_.setDark(false);
    return api_;
  }

  var REMEMBER_DB = 'transcript-explorer', REMEMBER_STORE = 'opened', REMEMBER_KEY = 'last';
  // One IndexedDB transaction: fn(store) returns a request. @return Promise of its result.
  // A read never creates the database: opening one creates it, and nothing may be stored
  // unless the reader ticked "Remember" (docs/security.md).
  function idb(txMode, fn) {
    if (txMode === 'readonly' && window.indexedDB && window.indexedDB.databases) {
      return window.indexedDB.databases().then(function (list) {
        var exists = list.some(function (d) { return d.name === REMEMBER_DB; });
        return exists ? idbOpen(txMode, fn) : undefined;
      });
    }
    return idbOpen(txMode, fn);
  }
  function idbOpen(txMode, fn) {
    return new Promise(function (resolve, reject) {
      var open;
      try { open = window.indexedDB.open(REMEMBER_DB, 1); } catch (e) { reject(e); return; }
      open.onupgradeneeded = function () { open.result.createObjectStore(REMEMBER_STORE); };
      open.onerror = function () { reject(open.error); };
      open.onsuccess = function () {
        var db = open.result, req;
        try {
          var t = db.transaction(REMEMBER_STORE, txMode);
          req = fn(t.objectStore(REMEMBER_STORE));
          t.oncomplete = function () { db.close(); resolve(req && req.result); };
          t.onerror = t.onabort = function () { db.close(); reject(t.error); };
        } catch (e) { db.close(); reject(e); }
      };
    });
  }

  function readFile(f) {
    if (f.size > MAX_FILE_BYTES) return Promise.reject(new Error('too large (' + Math.round(f.size / 1048576) + ' MB; the limit is 1024 MB)'));
    if (f.arrayBuffer) return f.arrayBuffer().then(function (b) { return new Uint8Array(b); });
    return new Promise(function (resolve, reject) {
      var r = new FileReader();
      r.onload = function () { resolve(new Uint8Array(r.result)); };
      r.onerror = function () { reject(r.error || new Error('could not be read')); };
      r.readAsArrayBuffer(f);
    });
  }

  // Import `files` one by one into WASM (yielding to the page between files so the progress shows),
  // then hand the episodes that loaded to the model. @return { episodes, files, errors }.
  function importFiles(M, files, opener) {
    var errors = [], okFiles = [], called = [], i = 0;
    if (!files.length) return Promise.resolve({ episodes: 0, files: 0, errors: [] });
    M._tx_import_begin();
    function step() {
      if (i >= files.length) {
        // chapters files whose transcript was not opened with them (tx_import_chapters)
        M.UTF8ToString(M._tx_import_chapters()).split('\n').forEach(function (line) {
          var tab = line.indexOf('\t'), f = called[+line.slice(0, tab)];
          if (tab < 0 || !f) return;
          errors.push({ name: String(f.name), message: line.slice(tab + 1) });
          okFiles.splice(okFiles.indexOf(f), 1);
        });
        var n = M._tx_import_finish();
        var res = { episodes: n, files: files.length, errors: errors };
        if (opener) opener.done(res, okFiles);
        return res;
      }
      var f = files[i++];
      var name = String(f.name || 'file ' + i);
      if (opener) opener.progress(i - 1, files.length, name);
      return readFile(f).then(function (bytes) {
        var ptr = M._malloc(bytes.length || 1);
        if (!ptr) throw new Error('out of memory');
        M.HEAPU8.set(bytes, ptr);
        called.push(f);
        var ok = M.ccall('tx_import_file', 'number', ['string', 'number', 'number'], [name, ptr, bytes.length]);  // frees ptr
        if (!ok) errors.push({ name: name, message: M.UTF8ToString(M._tx_import_last_error()) });
        else okFiles.push(f);
      }).catch(function (err) {
        errors.push({ name: name, message: String(err && err.message || err) });
      }).then(function () {
        return new Promise(function (r) { setTimeout(r, 0); });
      }).then(step);
    }
    return Promise.resolve().then(step);
  }

  function showMessage(container, text) {
    var d = document.createElement('div');
    d.setAttribute('role', 'status');
    d.style.cssText = 'box-sizing:border-box;height:100%;display:flex;align-items:center;justify-content:center;' +
      'padding:1em;text-align:center;font:15px system-ui,sans-serif;color:#555;background:#f3f2ef;';
    d.textContent = text;
    container.appendChild(d);
  }

  // Mount every [data-transcript-explorer] element under root that is not mounted yet.
  function mountAll(root) {
    var els = (root || document).querySelectorAll('[data-transcript-explorer]');
    var all = [];
    // the first explorer of the page restores the q, ep and t of the page's hash (docs/embedding.md)
    var firstOfPage = document.querySelector('[data-transcript-explorer]');
    Array.prototype.forEach.call(els, function (el) {
      if (el.transcriptExplorerMounting) return;
      el.transcriptExplorerMounting = true;
      var opts = { bundle: el.getAttribute('data-bundle') || '', query: el.getAttribute('data-query') || '',
                   mode: el.getAttribute('data-mode') || 'embed', height: el.getAttribute('data-height'),
                   readHash: el === firstOfPage && el.getAttribute('data-hash') !== 'off',
                   episode: el.getAttribute('data-episode'), time: el.getAttribute('data-time') };
      if (el.hasAttribute('data-dark')) opts.dark = el.getAttribute('data-dark') === '1';
      if (el.hasAttribute('data-allow-open')) opts.allowOpen = el.getAttribute('data-allow-open') !== '0';
      all.push(mount(el, opts).then(function (api) {
        el.dispatchEvent(new CustomEvent('transcript-explorer-ready', { detail: api }));
        return api;
      }, function (err) {
        if (el.clientHeight < 2) el.style.height = (Number(opts.height) || 480) + 'px';
        showMessage(el, String(err && err.message || err));
        return null;
      }));
    });
    return Promise.all(all);
  }

  window.TranscriptExplorer = { mount: mount, mountAll: mountAll, supported: supported };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { mountAll(); });
  else mountAll();
})();
