/* Transcript Explorer loader: mounts the WASM explorer into a container element.
 *
 *   const ex = await TranscriptExplorer.mount(element, { bundle: 'demo.txb', query: '' });
 *   ex.state()            -> { ready, phase, query, totalHits, episode, timeMs, error, ... }
 *   ex.setQuery('llama'); ex.loadBundle(urlOrBytes);
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
          onExplorerReady: function () { resolve(); }
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
      if (options.query) api.setQuery(options.query);
      return (options.bundle ? api.loadBundle(options.bundle) : Promise.resolve()).then(function () { return api; });
    });
  }

  window.TranscriptExplorer = { mount: mount };
})();
