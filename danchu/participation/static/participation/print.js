// The "print" button of the code sheet (the page prints with Ctrl+P without it).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
