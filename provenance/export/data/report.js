(function () {
  "use strict";
  var panel = document.getElementById("chain-panel");

  function show(key, scroll) {
    var chains = panel.querySelectorAll(".chain");
    for (var i = 0; i < chains.length; i++) {
      chains[i].hidden = chains[i].id !== "chain-" + key;
    }
    var marks = document.querySelectorAll("mark.claim");
    for (var j = 0; j < marks.length; j++) {
      var keys = marks[j].getAttribute("data-claims").split(" ");
      marks[j].classList.toggle("selected", keys.indexOf(key) >= 0);
    }
    panel.hidden = false;
    var mark = document.getElementById("claim-" + key);
    if (scroll && mark) {
      mark.scrollIntoView({block: "center"});
    }
  }

  function keyOf(element) {
    var claims = element.getAttribute("data-claims");
    return element.getAttribute("data-claim") || (claims ? claims.split(" ")[0] : null);
  }

  document.addEventListener("click", function (event) {
    var tool = event.target.closest("[data-tree]");
    if (tool) {
      var open = tool.getAttribute("data-tree") === "open";
      var all = document.querySelectorAll("ul.tree details");
      for (var i = 0; i < all.length; i++) { all[i].open = open; }
      return;
    }
    if (event.target.closest(".close")) { panel.hidden = true; return; }
    var target = event.target.closest("[data-claim], [data-claims]");
    if (target) { show(keyOf(target), !target.matches("mark")); }
  });

  document.addEventListener("mouseover", function (event) {
    var mark = event.target.closest("mark.claim");
    if (mark) { show(keyOf(mark), false); }
  });

  document.addEventListener("keydown", function (event) {
    var mark = event.target.closest("mark.claim");
    if (mark && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      show(keyOf(mark), false);
    }
  });
})();
