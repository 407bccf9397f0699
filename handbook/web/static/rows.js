// "Add a row" without a round trip: copy the last exercise row, empty, with new ids.
// Without JavaScript the same button sends the form and the server adds the row.
(function () {
  "use strict";
  var button = document.getElementById("add-row");
  if (!button) { return; }
  button.addEventListener("click", function (event) {
    var rows = document.querySelectorAll("fieldset.exercise");
    var last = rows[rows.length - 1];
    if (!last) { return; }
    event.preventDefault();
    var copy = last.cloneNode(true);
    var index = rows.length;
    copy.querySelector("legend").textContent = "Exercise " + (index + 1);
    copy.querySelectorAll(".field-problems").forEach(function (node) { node.remove(); });
    copy.querySelectorAll("[id]").forEach(function (node) { node.id = node.id.replace(/-\d+$/, "-" + index); });
    copy.querySelectorAll("label[for]").forEach(function (node) {
      node.htmlFor = node.htmlFor.replace(/-\d+$/, "-" + index);
    });
    copy.querySelectorAll("input, select").forEach(function (node) {
      node.removeAttribute("aria-invalid");
      node.removeAttribute("aria-describedby");
      if (node.tagName === "SELECT") { node.selectedIndex = 0; } else { node.value = ""; }
    });
    last.after(copy);
    copy.querySelector("select").focus();
  });
}());
