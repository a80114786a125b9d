/* Convivir: small enhancements only. Every page works without this file. */
(function () {
  "use strict";

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

  // Filter forms may submit themselves when a choice changes; the
  // "Apply" button stays for everyone else.
  document.addEventListener("change", function (event) {
    var form = event.target.form;
    if (form && form.hasAttribute("data-autosubmit")) form.submit();
  });
})();
