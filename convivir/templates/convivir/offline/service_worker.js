/* Convivir's service worker: the directory without a signal.
   It keeps only pages the site marks (a town's directory page, its
   printable sheet, a service page), without their form tokens, and the
   app shell. Everything else goes to the network, and without one the
   offline page is shown. Nothing is sent anywhere. */
"use strict";

var VERSION = "{{ version }}";
var SHELL_CACHE = "convivir-shell-" + VERSION;
var PAGES_CACHE = "convivir-pages";
var SHELL = {{ shell|safe }};
var OFFLINE = {{ offline|safe }};
var KEEP_HEADER = "{{ header }}";
var MAX_KEPT = 120;

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(SHELL_CACHE)
      .then(function (cache) { return cache.addAll(SHELL); })
      .then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("convivir-shell-") === 0 && name !== SHELL_CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

function languageOf(url) {
  return new URL(url).pathname.split("/")[1] === "en" ? "en" : "es";
}

// A kept copy: the form tokens taken out, the time it was kept written in.
function keep(url, response) {
  return response.text().then(function (html) {
    html = html
      .replace(/(name="csrfmiddlewaretoken" value=")[^"]*"/g, '$1"')
      .replace("</head>", '<meta name="convivir-kept" content="' +
        new Date().toISOString() + '"></head>');
    // The page's own headers (its security policy among them), but for the
    // body's encoding and length, which no longer apply.
    var headers = new Headers(response.headers);
    headers.delete("Content-Encoding");
    headers.delete("Content-Length");
    headers.set("Content-Type", "text/html; charset=utf-8");
    var copy = new Response(html, { status: 200, headers: headers });
    return caches.open(PAGES_CACHE).then(function (cache) {
      return cache.put(url, copy);
    });
  });
}

function fetchAndKeep(url) {
  return fetch(url, { credentials: "same-origin" }).then(function (response) {
    if (response.ok && response.headers.get(KEEP_HEADER)) return keep(url, response);
    throw new Error("not kept: " + url);
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.indexOf("/admin/") === 0) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).then(function (response) {
        if (response.ok && response.headers.get(KEEP_HEADER)) {
          event.waitUntil(keep(request.url, response.clone()));
        }
        return response;
      }).catch(function () {
        return caches.match(request.url, { cacheName: PAGES_CACHE }).then(function (kept) {
          return kept || caches.match(OFFLINE[languageOf(request.url)]);
        });
      })
    );
    return;
  }
  if (SHELL.indexOf(url.pathname) !== -1) {
    // The browser's own cache answers first (the files' names are hashed);
    // the worker's copy only without a signal.
    event.respondWith(fetch(request).catch(function () { return caches.match(request); }));
  }
});

// "Keep this town for offline": the town's page, its services and its
// sheet, asked for by the page (the addresses come from the site).
self.addEventListener("message", function (event) {
  var data = event.data || {};
  var port = event.ports && event.ports[0];
  if (!data.keep || !port) return;
  var urls = data.keep.slice(0, MAX_KEPT).map(function (path) {
    return new URL(path, self.location.origin).href;
  }).filter(function (href) {
    return new URL(href).origin === self.location.origin;
  });
  event.waitUntil(
    Promise.all(urls.map(function (href) {
      return fetchAndKeep(href).then(function () { return true; }, function () { return false; });
    })).then(function (done) {
      var kept = done.filter(Boolean).length;
      port.postMessage({ kept: kept, of: urls.length });
    })
  );
});

// The offline page asks which pages are kept, with their titles and times.
self.addEventListener("message", function (event) {
  var port = event.ports && event.ports[0];
  if (!(event.data && event.data.list) || !port) return;
  event.waitUntil(
    caches.open(PAGES_CACHE).then(function (cache) {
      return cache.keys().then(function (requests) {
        return Promise.all(requests.map(function (request) {
          return cache.match(request).then(function (response) { return response.text(); })
            .then(function (html) {
              var title = /<title>([^<]*)<\/title>/.exec(html);
              var kept = /name="convivir-kept" content="([^"]+)"/.exec(html);
              return {
                url: new URL(request.url).pathname,
                title: title ? title[1] : request.url,
                kept: kept ? kept[1] : ""
              };
            });
        }));
      });
    }).then(function (pages) { port.postMessage({ pages: pages }); })
  );
});
