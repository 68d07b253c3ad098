/* Quick exit: the button, or Escape pressed three times, replaces this page with a
   neutral site. location.replace() swaps the current history entry, so Back does not
   return here. Stands alone: no other script is needed, nothing is stored. */
(function () {
  "use strict";
  var button = document.getElementById("faro-exit");
  if (!button) return;
  var target = button.getAttribute("href");
  function leave(event) {
    if (event) event.preventDefault();
    document.documentElement.style.visibility = "hidden";
    window.location.replace(target);
  }
  button.addEventListener("click", leave);
  var presses = 0;
  var last = 0;
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    var now = Date.now();
    presses = now - last < 1500 ? presses + 1 : 1;
    last = now;
    if (presses >= 3) leave();
  });
})();
