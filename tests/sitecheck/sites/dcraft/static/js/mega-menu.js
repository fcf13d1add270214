/* mega menu */ document.querySelectorAll(".has-mega").forEach(function(e){e.addEventListener("focusin",function(){e.classList.add("open")})});
