// Small progressive enhancements; every page works without JavaScript.
// One question per action: a button or link asks on click; a form asks on submit. A click
// inside a form that carries data-confirm is left to the submit handler, which would
// otherwise ask the same question a second time.
document.addEventListener("click", function (event) {
  var el = event.target.closest("[data-confirm]");
  if (!el || el.tagName === "FORM") return;
  if (!window.confirm(el.getAttribute("data-confirm"))) {
    event.preventDefault();
    event.stopImmediatePropagation();
  } else if (el.form) {
    // Confirmed on the button: its form must not ask again.
    el.form.dataset.confirmed = "1";
  }
});
document.addEventListener("submit", function (event) {
  var form = event.target;
  var confirmed = form.dataset.confirmed === "1";
  delete form.dataset.confirmed;
  if (!confirmed && form.hasAttribute("data-confirm") && !window.confirm(form.getAttribute("data-confirm"))) {
    event.preventDefault();
    return;
  }
  // Prevent double submission of long forms.
  var buttons = form.querySelectorAll("button[type=submit]");
  window.setTimeout(function () { buttons.forEach(function (b) { b.disabled = true; }); }, 0);
});
// A select that submits its form when changed (no inline handler: the CSP forbids inline script).
document.addEventListener("change", function (event) {
  var el = event.target;
  if (el.matches && el.matches("select[data-autosubmit]") && el.form) {
    el.form.submit();
  }
});
// On a phone a table too wide for the screen scrolls inside itself (CSS): let the keyboard reach
// it to scroll it too (WCAG 2.1.1), and only while it does scroll.
function markScrollers() {
  document.querySelectorAll("table.list, .table-scroll").forEach(function (el) {
    if (el.scrollWidth > el.clientWidth + 1) {
      if (!el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
        el.dataset.scroller = "1";
      }
    } else if (el.dataset.scroller) {
      el.removeAttribute("tabindex");
      delete el.dataset.scroller;
    }
  });
}
document.addEventListener("DOMContentLoaded", markScrollers);
window.addEventListener("resize", markScrollers);
