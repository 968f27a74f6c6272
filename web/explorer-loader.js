/* Transcript Explorer loader: mounts the WASM explorer into a container element.
 *
 *   const ex = await TranscriptExplorer.mount(element, { bundle: 'demo.txb', query: '' });
 *   ex.state()            -> { ready, phase, query, totalHits, episode, timeMs, error, ... }
 *   ex.setQuery('llama'); ex.seek({ episode: 0, timeMs: 60000 }); ex.nextHit(); ex.loadBundle(urlOrBytes);
 *   ex.on('change', fn)   fn(state) after anything the reader sees changed (query, hit, position)
 *   ex.on('copy', fn)     fn(text) when the reader copied a quote or a selection
 *
 * Options: bundle (URL), query, hash (true: mirror the state in location.hash and restore it),
 * dark (true/false; default follows prefers-color-scheme).
 *
 * Each mount gets its own canvas and its own WASM instance; nothing global but
 * `TranscriptExplorer` is defined. Nothing from the bundle or the URL is inserted as HTML.
 */
(function () {
  'use strict';
  var scriptBase = (function () {
    var s = document.currentScript;
    return s && s.src ? s.src.replace(/[^\/]*$/, '') : '';
  })();
  var modulePromise = null;

  function loadFactory() {
    if (window.createExplorerModule) return Promise.resolve(window.createExplorerModule);
    if (!modulePromise) {
      modulePromise = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = scriptBase + 'explorer.js';
        s.onload = function () { resolve(window.createExplorerModule); };
        s.onerror = function () { reject(new Error('Could not load explorer.js from ' + s.src)); };
        document.head.appendChild(s);
      });
    }
    return modulePromise;
  }

  function fetchWithProgress(url, onProgress) {
    return fetch(url).then(function (resp) {
      if (!resp.ok) throw new Error('Could not download ' + url + ' (HTTP ' + resp.status + ')');
      var total = Number(resp.headers.get('Content-Length')) || 0;
      if (!resp.body || !resp.body.getReader) return resp.arrayBuffer().then(function (b) { return new Uint8Array(b); });
      var reader = resp.body.getReader(), chunks = [], got = 0;
      function pump() {
        return reader.read().then(function (r) {
          if (r.done) {
            var out = new Uint8Array(got), off = 0;
            chunks.forEach(function (c) { out.set(c, off); off += c.length; });
            return out;
          }
          chunks.push(r.value); got += r.value.length; onProgress(got, total);
          return pump();
        });
      }
      return pump();
    });
  }

  function mount(container, options) {
    options = options || {};
    var canvas = document.createElement('canvas');
    canvas.className = 'tx-canvas';
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'application');
    canvas.setAttribute('aria-label', 'Transcript explorer');
    canvas.style.cssText = 'display:block;width:100%;height:100%;outline:none;touch-action:none;';
    canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
    container.appendChild(canvas);
    var listeners = {};
    var M = null;
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
      setDark: function (dark) { if (M) M._tx_set_dark(dark ? 1 : 0); },
      setFontScale: function (s) { if (M) M._tx_set_font_scale(Number(s) || 1); },
      deepLink: function () { return M ? M.UTF8ToString(M._tx_deep_link()) : ''; },
      applyDeepLink: function (h) { if (M) M.ccall('tx_apply_deep_link', null, ['string'], [String(h || '')]); },
      lastCopied: null,
      loadBundle: function (src) {
        if (!M) return Promise.reject(new Error('explorer not started'));
        var bytesP = (typeof src === 'string')
          ? fetchWithProgress(src, function (done, total) { M._tx_download_progress(done, total); })
          : Promise.resolve(src instanceof Uint8Array ? src : new Uint8Array(src));
        return bytesP.then(function (bytes) {
          var ptr = M._malloc(bytes.length || 1);
          M.HEAPU8.set(bytes, ptr);
          M._tx_load_bundle(ptr, bytes.length);  // frees ptr
          return api.state();
        }, function (err) {
          M.ccall('tx_fail', null, ['string'], [String(err && err.message || err)]);
          return api.state();
        });
      },
      on: function (name, fn) { (listeners[name] = listeners[name] || []).push(fn); },
      _emit: function (name, detail) { (listeners[name] || []).forEach(function (f) { f(detail); }); }
    };
    return loadFactory().then(function (factory) {
      return new Promise(function (resolve, reject) {
        factory({
          canvas: canvas,
          print: function (t) { console.log(t); },
          printErr: function (t) { console.warn(t); },
          preRun: [function (mod) { mod.specialHTMLTargets['#canvas'] = canvas; }],
          onExplorerReady: function () { resolve(); },
          onExplorerChange: function () {
            var st = api.state();
            if (options.hash && st.ready) {
              var h = '#' + st.hash;
              if (location.hash !== h) history.replaceState(null, '', h);
            }
            api._emit('change', st);
          },
          onExplorerCopy: function (text) {
            api.lastCopied = text;
            if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).catch(function () {});
            api._emit('copy', text);
          },
          onExplorerOpen: function (url) {
            if (/^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener');
          }
        }).then(function (mod) { M = mod; }, reject);
      });
    }).then(function () {
      // M is set by the factory's promise, which resolves after main() returned.
      return new Promise(function (r) { setTimeout(r, 0); });
    }).then(function () {
      var resize = function () {
        var r = container.getBoundingClientRect();
        M._tx_resize(Math.max(1, Math.round(r.width)), Math.max(1, Math.round(r.height)));
      };
      if (window.ResizeObserver) new ResizeObserver(resize).observe(container);
      window.addEventListener('resize', resize);
      resize();
      M.ccall('tx_set_page_url', null, ['string'], [location.href.split('#')[0]]);
      var mq = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;
      if (options.dark !== undefined) api.setDark(options.dark);
      else if (mq) {
        api.setDark(mq.matches);
        if (mq.addEventListener) mq.addEventListener('change', function (e) { api.setDark(e.matches); });
      }
      ['focus', 'blur'].forEach(function (n) { canvas.addEventListener(n, function () { M._tx_wake(); }); });
      document.addEventListener('visibilitychange', function () { M._tx_wake(); });
      return (options.bundle ? api.loadBundle(options.bundle) : Promise.resolve()).then(function () {
        if (options.query) api.setQuery(options.query);
        if (options.hash && location.hash.length > 1) api.applyDeepLink(location.hash.slice(1));
        if (options.hash) window.addEventListener('hashchange', function () {
          if (location.hash.slice(1) !== api.state().hash) api.applyDeepLink(location.hash.slice(1));
        });
        return api;
      });
    });
  }

  window.TranscriptExplorer = { mount: mount };
})();
