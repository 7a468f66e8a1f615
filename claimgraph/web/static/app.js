// Small helpers for every page. No framework, no inline code (the CSP forbids it).
(function () {
  "use strict";
  // Confirm before rejecting a report, so a stray click does not lose it.
  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (t instanceof HTMLButtonElement && t.name === "decision" && t.value === "reject") {
      if (!window.confirm("Reject this report?")) { ev.preventDefault(); }
    }
  });
})();
