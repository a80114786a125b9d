/* Convivir: small enhancements only. Every page works without this file. */
(function () {
  "use strict";

  // Quick exit: leave at once for a neutral site, hiding this page first
  // and replacing it in the history so "Back" does not bring it up again.
  // Escape does the same. Without this script it is a plain link.
  var quickExit = document.querySelector("[data-quick-exit]");
  if (quickExit) {
    var leave = function (event) {
      event.preventDefault();
      document.body.hidden = true;
      document.title = "";
      window.location.replace(quickExit.href);
    };
    quickExit.addEventListener("click", leave);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" || event.key === "Esc") leave(event);
    });
    var hint = quickExit.querySelector("[data-quick-exit-hint]");
    if (hint) hint.hidden = false;
  }

  // Videos: nothing is requested from the video host until the reader asks.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-video-src]");
    if (!button) return;
    var frame = document.createElement("iframe");
    frame.src = button.getAttribute("data-video-src");
    frame.title = button.getAttribute("data-video-title") || "";
    frame.allow = "fullscreen; picture-in-picture";
    frame.setAttribute("allowfullscreen", "");
    frame.loading = "lazy";
    var holder = document.createElement("div");
    holder.className = "block-video__frame";
    holder.appendChild(frame);
    button.parentNode.replaceChild(holder, button);
    frame.focus();
  });

  // Show the video buttons only when this script runs; without it the
  // plain link to the video remains.
  var buttons = document.querySelectorAll("[data-video-src][hidden]");
  for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;

  // Printing: open every question so the answers are on paper too.
  window.addEventListener("beforeprint", function () {
    var details = document.querySelectorAll("details:not([open])");
    for (var j = 0; j < details.length; j++) {
      details[j].setAttribute("open", "");
      details[j].setAttribute("data-opened-for-print", "");
    }
  });
  window.addEventListener("afterprint", function () {
    var details = document.querySelectorAll("[data-opened-for-print]");
    for (var k = 0; k < details.length; k++) {
      details[k].removeAttribute("open");
      details[k].removeAttribute("data-opened-for-print");
    }
  });

  // "Use my location": the position is asked for only on a tap, and only
  // sent as the search's lat/lon (nothing is stored).
  var nearMe = document.querySelector("[data-near-me-button]");
  if (nearMe && "geolocation" in navigator) {
    nearMe.hidden = false;
    nearMe.addEventListener("click", function () {
      var form = nearMe.form;
      var status = form.querySelector("[data-near-me-status]");
      status.textContent = nearMe.getAttribute("data-asking");
      navigator.geolocation.getCurrentPosition(
        function (position) {
          ["lat", "lon"].forEach(function (name, index) {
            var input = form.querySelector("input[name=" + name + "]");
            if (!input) {
              input = document.createElement("input");
              input.type = "hidden";
              input.name = name;
              form.appendChild(input);
            }
            var value = index ? position.coords.longitude : position.coords.latitude;
            input.value = value.toFixed(4);
          });
          var town = form.querySelector("select[name=cerca]");
          if (town) town.value = "";
          var order = form.querySelector("select[name=orden]");
          if (order) order.value = "distancia";
          form.submit();
        },
        function () { status.textContent = nearMe.getAttribute("data-failed"); },
        { timeout: 15000, maximumAge: 300000 }
      );
    });
  }

  // The directory's map: Leaflet (from this site) and the tiles (from the
  // tile host) are loaded only after the visitor taps the button.
  var mapBox = document.querySelector("[data-map]");
  if (mapBox) {
    mapBox.hidden = false;
    var openMap = mapBox.querySelector("[data-map-open]");
    var mapStatus = mapBox.querySelector("[data-map-status]");
    var failed = function () {
      openMap.disabled = false;
      mapStatus.textContent = mapBox.getAttribute("data-label-failed");
    };
    var drawMap = function () {
      var canvas = mapBox.querySelector("[data-map-canvas]");
      var points = JSON.parse(
        document.getElementById("directory-map-points").textContent
      );
      canvas.hidden = false;
      openMap.hidden = true;
      var map = window.L.map(canvas);
      window.L.tileLayer(mapBox.getAttribute("data-tiles"), {
        maxZoom: 18,
        attribution:
          '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
      }).addTo(map);
      var bounds = points.map(function (point) {
        var link = document.createElement("a");
        link.href = point.url;
        link.textContent = point.name;
        link.lang = point.lang;
        window.L.circleMarker([point.lat, point.lon], { radius: 9 })
          .bindPopup(link)
          .addTo(map);
        return [point.lat, point.lon];
      });
      map.fitBounds(bounds, { maxZoom: 15, padding: [24, 24] });
    };
    openMap.addEventListener("click", function () {
      openMap.disabled = true;
      mapStatus.textContent = "";
      if (window.L) return drawMap();
      var style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = mapBox.getAttribute("data-leaflet-style");
      document.head.appendChild(style);
      var script = document.createElement("script");
      script.src = mapBox.getAttribute("data-leaflet-script");
      script.onload = drawMap;
      script.onerror = failed;
      document.head.appendChild(script);
    });
  }

  // Offline: the site's worker keeps the town and service pages opened
  // here; a kept copy says when it was kept.
  var workers = "serviceWorker" in navigator && "MessageChannel" in window;
  if (workers) navigator.serviceWorker.register("/sw.js").catch(function () {});
  var keptOn = document.querySelector('meta[name="convivir-kept"]');
  var keptNote = document.querySelector("[data-offline-kept]");
  var longDate = function (iso) {
    return new Date(iso).toLocaleString(document.documentElement.lang, {
      dateStyle: "long", timeStyle: "short"
    });
  };
  if (keptOn && keptNote) {
    keptNote.textContent = keptNote.getAttribute("data-text")
      .replace("{date}", longDate(keptOn.content));
    keptNote.hidden = false;
  }
  // A question to the worker; its answer as a promise.
  var askWorker = function (message) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { resolve(event.data); };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  };
  var keepBox = document.querySelector("[data-offline-keep]");
  if (keepBox && workers) {
    keepBox.hidden = false;
    var keepButton = keepBox.querySelector("[data-offline-keep-button]");
    var keepStatus = keepBox.querySelector("[data-offline-keep-status]");
    keepButton.addEventListener("click", function () {
      var urls = JSON.parse(document.getElementById("offline-urls").textContent);
      keepButton.disabled = true;
      keepStatus.textContent = keepButton.getAttribute("data-keeping");
      askWorker({ keep: urls }).then(function (answer) {
        keepButton.disabled = false;
        keepStatus.textContent = answer.kept === answer.of
          ? keepButton.getAttribute("data-kept").replace("{count}", answer.of - 2)
          : keepButton.getAttribute("data-failed");
      });
    });
  }
  var keptList = document.querySelector("[data-offline-pages]");
  if (keptList && workers) {
    askWorker({ list: true }).then(function (answer) {
      var pages = answer.pages.sort(function (a, b) { return a.kept < b.kept ? 1 : -1; });
      pages.forEach(function (kept) {
        var title = document.createElement("textarea");
        title.innerHTML = kept.title;
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = kept.url;
        link.textContent = title.value.replace(/ · Convivir$/, "");
        item.appendChild(link);
        if (kept.kept) {
          item.appendChild(document.createTextNode(
            " · " + keptList.getAttribute("data-kept") + " " + longDate(kept.kept)
          ));
        }
        keptList.appendChild(item);
      });
      if (pages.length) document.querySelector("[data-offline-none]").hidden = true;
    });
  }

  // Filter forms may submit themselves when a choice changes; the
  // "Apply" button stays for everyone else.
  document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-autosubmit")) form.submit();
  });
})();
