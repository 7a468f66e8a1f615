// The reader: tooltips on highlights, and select + Ctrl+Enter to report a mistake.
//
// Every text node inside #doc-text is a piece of the document's cleaned text in
// order, so the length of the text before a point is its character offset.
(function () {
  "use strict";
  var box = document.getElementById("doc-text");
  if (!box) { return; }
  var full = box.textContent;
  var CONTEXT = 60;
  var tip = document.getElementById("tip");
  var dialog = document.getElementById("report-dialog");
  var form = document.getElementById("report-form");
  var button = document.getElementById("report-button");
  var pending = null;

  function card(a) { return document.getElementById("att-" + a); }

  function showTip(el) {
    var c = card(el.getAttribute("data-a"));
    if (!c || !tip) { return; }
    tip.replaceChildren(c.cloneNode(true));
    tip.firstChild.removeAttribute("id");
    tip.hidden = false;
    var r = el.getBoundingClientRect();
    var left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - 380);
    tip.style.left = Math.max(8, left) + "px";
    tip.style.top = (window.scrollY + r.bottom + 8) + "px";
    c.classList.add("active");
    box.querySelectorAll('a.hl[data-a="' + el.getAttribute("data-a") + '"]').forEach(function (x) {
      x.classList.add("active");
    });
  }

  function hideTip() {
    if (tip) { tip.hidden = true; }
    document.querySelectorAll(".active").forEach(function (x) { x.classList.remove("active"); });
  }

  box.addEventListener("mouseover", function (ev) {
    var el = ev.target.closest && ev.target.closest("a.hl");
    if (el) { showTip(el); }
  });
  box.addEventListener("mouseout", function (ev) {
    var el = ev.target.closest && ev.target.closest("a.hl");
    if (el && !(ev.relatedTarget && el.contains(ev.relatedTarget))) { hideTip(); }
  });
  box.addEventListener("focusin", function (ev) {
    var el = ev.target.closest && ev.target.closest("a.hl");
    if (el) { showTip(el); }
  });
  box.addEventListener("focusout", hideTip);

  // A drag that selects text inside one highlight must not follow its link.
  box.addEventListener("click", function (ev) {
    var el = ev.target.closest && ev.target.closest("a.hl");
    var sel = window.getSelection();
    if (el && sel && !sel.isCollapsed && box.contains(sel.anchorNode)) { ev.preventDefault(); }
  });

  // Character offset of a DOM point inside #doc-text.
  function offsetOf(node, off) {
    var r = document.createRange();
    r.selectNodeContents(box);
    r.setEnd(node, off);
    return r.toString().length;
  }

  function codePoints(i) { return Array.from(full.slice(0, i)).length; }

  function currentSelection() {
    var sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) { return null; }
    var range = sel.getRangeAt(0);
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) { return null; }
    var start = offsetOf(range.startContainer, range.startOffset);
    var end = offsetOf(range.endContainer, range.endOffset);
    if (end <= start) { return null; }
    var claim = "";
    var startEl = range.startContainer.nodeType === 3 ? range.startContainer.parentElement : range.startContainer;
    var hl = startEl && startEl.closest ? startEl.closest("a.hl") : null;
    if (!hl) {
      var all = box.querySelectorAll("a.hl[data-claim]");
      for (var i = 0; i < all.length; i++) {
        if (all[i].getAttribute("data-claim") && range.intersectsNode(all[i])) { hl = all[i]; break; }
      }
    }
    if (hl) { claim = hl.getAttribute("data-claim") || ""; }
    return {
      // the server counts characters (code points), JavaScript UTF-16 units: an emoji is one, not two
      start: codePoints(start), end: codePoints(end), text: full.slice(start, end), claim: claim,
      prefix: full.slice(Math.max(0, start - CONTEXT), start),
      suffix: full.slice(end, end + CONTEXT)
    };
  }

  // Keyboard users: with no selection, a focused highlight reports its whole content.
  function selectFocused() {
    var el = document.activeElement;
    if (!el || !el.matches || !el.matches("#doc-text a.hl")) { return; }
    var parts = box.querySelectorAll('a.hl-content[data-a="' + el.getAttribute("data-a") + '"]');
    if (parts.length === 0) { parts = [el]; }
    var first = parts[0], last = parts[parts.length - 1];
    var r = document.createRange();
    r.setStart(first.firstChild, 0);
    r.setEnd(last.firstChild, last.firstChild.length);
    var sel = window.getSelection();
    sel.removeAllRanges();
    sel.addRange(r);
  }

  function openForm() {
    if (currentSelection() === null) { selectFocused(); }
    pending = currentSelection();
    if (!pending || !dialog || !form) { return false; }
    form.elements.selection.value = pending.text;
    form.elements.prefix.value = pending.prefix;
    form.elements.suffix.value = pending.suffix;
    form.elements.start.value = String(pending.start);
    form.elements.end.value = String(pending.end);
    form.elements.claim_id.value = pending.claim;
    document.getElementById("report-selection").textContent = pending.text;
    if (typeof dialog.showModal === "function") { dialog.showModal(); } else { dialog.setAttribute("open", ""); }
    var first = form.querySelector("input[name=kind]");
    if (first) { first.focus(); }
    return true;
  }

  document.addEventListener("keydown", function (ev) {
    if ((ev.ctrlKey || ev.metaKey) && ev.key === "Enter") {
      if (dialog && dialog.open) { return; }
      if (openForm()) { ev.preventDefault(); }
    }
  });

  // Touch screens have no Ctrl+Enter: show a button while a selection exists.
  document.addEventListener("selectionchange", function () {
    if (!button) { return; }
    button.hidden = currentSelection() === null;
  });
  if (button) {
    button.addEventListener("mousedown", function (ev) { ev.preventDefault(); });
    button.addEventListener("click", function () { openForm(); });
  }
  var cancel = document.getElementById("report-cancel");
  if (cancel) {
    cancel.addEventListener("click", function () { dialog.close(); });
  }
  // Sent from here, not as a page: a refused report (a source not in the article,
  // too long a comment) shows its reason in the dialog, and what was typed stays.
  var errorLine = document.getElementById("report-error");
  function showError(message) {
    if (!errorLine) { return; }
    errorLine.textContent = message;
    errorLine.hidden = false;
  }
  if (form) {
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      if (!form.elements.selection.value) { dialog.close(); return; }
      if (errorLine) { errorLine.hidden = true; }
      var sendButton = form.querySelector("button[type=submit]");
      if (sendButton) { sendButton.disabled = true; }
      fetch(form.action, {
        method: "POST",
        body: new URLSearchParams(new FormData(form)),
        headers: { "Accept": "application/json" },
        credentials: "same-origin"
      }).then(function (res) {
        if (res.ok) { window.location.href = res.url; return null; }
        return res.json().then(function (body) {
          showError((body && body.error) || ("the server refused the report (" + res.status + ")"));
        }, function () { showError("the server refused the report (" + res.status + ")"); });
      }, function () {
        showError("the server could not be reached; the report is kept here, try again");
      }).then(function () {
        if (sendButton) { sendButton.disabled = false; }
      });
    });
  }
})();
