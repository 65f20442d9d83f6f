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
  window.setTimeout(function () {
    buttons.forEach(function (b) { b.disabled = true; });
    if (form.hasAttribute("data-busy")) showBusy(form, buttons, event.submitter);
  }, 0);
});
// Long work (signing, submitting, consolidating, importing, PDF): the form says it is working,
// in the page's language (data-busy, or the body's data-busy-text), with a spinner and a live
// status line for screen readers, until the next page arrives.
function showBusy(form, buttons, submitter) {
  var text = form.getAttribute("data-busy") || document.body.getAttribute("data-busy-text") || "…";
  var button = submitter || buttons[0];
  form.setAttribute("aria-busy", "true");
  form.classList.add("is-busy");
  if (button) {
    button.dataset.label = button.textContent;
    button.textContent = "";
    var spinner = document.createElement("span");
    spinner.className = "spinner";
    spinner.setAttribute("aria-hidden", "true");
    button.appendChild(spinner);
    button.appendChild(document.createTextNode(" " + text));
  }
  var status = document.createElement("p");
  status.className = "busy-status";
  status.setAttribute("role", "status");
  var bar = document.createElement("progress");
  bar.setAttribute("aria-label", text);
  status.appendChild(bar);
  status.appendChild(document.createTextNode(" " + text));
  form.appendChild(status);
}
// Back to a page kept by the browser: undo the busy state so the form can be used again.
window.addEventListener("pageshow", function (event) {
  if (!event.persisted) return;
  document.querySelectorAll("form.is-busy").forEach(function (form) {
    form.classList.remove("is-busy");
    form.removeAttribute("aria-busy");
    form.querySelectorAll(".busy-status").forEach(function (el) { el.remove(); });
    form.querySelectorAll("button[type=submit]").forEach(function (b) {
      b.disabled = false;
      if (b.dataset.label) b.textContent = b.dataset.label;
    });
  });
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

// A link that starts long work (consolidating, a PDF or DOCX made on the fly): the same busy
// state. A file download leaves the page in place, so the state is undone after a while.
document.addEventListener("click", function (event) {
  if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
  var link = event.target.closest("a[data-busy]");
  if (!link || link.classList.contains("is-busy")) return;
  var text = link.getAttribute("data-busy");
  var label = link.textContent;
  link.classList.add("is-busy");
  link.setAttribute("aria-busy", "true");
  link.textContent = "";
  var spinner = document.createElement("span");
  spinner.className = "spinner";
  spinner.setAttribute("aria-hidden", "true");
  link.appendChild(spinner);
  link.appendChild(document.createTextNode(" " + text));
  var status = document.createElement("span");
  status.className = "visually-hidden busy-status-live";
  status.setAttribute("role", "status");
  status.textContent = text;
  link.after(status);
  window.setTimeout(function () {
    link.classList.remove("is-busy");
    link.removeAttribute("aria-busy");
    link.textContent = label;
    status.remove();
  }, 20000);
});
