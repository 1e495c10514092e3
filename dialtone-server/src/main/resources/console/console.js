// Dialtone's agent console: the little that needs a script. Pages work without it; with it, an
// open console receives screen pops and shows call changes as they happen.
(function () {
  "use strict";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  function announce(text) {
    var live = document.getElementById("live");
    if (live) {
      live.textContent = text;
    }
  }

  // A screen pop opens what it names, as Zendesk's agent browser does.
  function onScreenPop(event) {
    var pop = JSON.parse(event.data);
    if (pop.ticket_id) {
      window.location.assign("/agent/tickets/" + pop.ticket_id + "?popped=" + pop.id);
    } else if (pop.user_id) {
      window.location.assign("/agent/users/" + pop.user_id + "?popped=" + pop.id);
    }
  }

  // A call shown on this page changed: fetch its part of the page again, keeping open what the
  // agent had opened.
  function onCallChanged(event) {
    var id = String(JSON.parse(event.data).id);
    document.querySelectorAll("[data-call-id][data-refresh]").forEach(function (part) {
      if (part.getAttribute("data-call-id") !== id) {
        return;
      }
      fetch(part.getAttribute("data-refresh"), { credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.text() : Promise.reject(response.status);
        })
        .then(function (html) {
          var open = {};
          [part].concat(Array.from(part.querySelectorAll("details[id]"))).forEach(function (details) {
            open[details.id] = details.open;
          });
          var holder = document.createElement("div");
          holder.innerHTML = html;
          var fresh = holder.firstElementChild;
          if (!fresh) {
            return;
          }
          [fresh].concat(Array.from(fresh.querySelectorAll("details[id]"))).forEach(function (details) {
            if (details.id in open) {
              details.open = open[details.id];
            }
          });
          part.replaceWith(fresh);
          announce("Call " + id + " was updated");
        })
        .catch(function () {});
    });
  }

  function connect(url) {
    var source = new EventSource(url);
    source.addEventListener("screen_pop", onScreenPop);
    source.addEventListener("call_changed", onCallChanged);
    source.addEventListener("error", function () {
      if (source.readyState !== EventSource.CLOSED) {
        return; // the browser reconnects by itself
      }
      // Refused (signed out, or the node is stopping): back to sign-in if the session is gone.
      fetch("/agent", { credentials: "same-origin", redirect: "manual" }).then(
        function (response) {
          if (response.type === "opaqueredirect" || response.status === 401) {
            window.location.assign("/agent/sign-in?next=" + encodeURIComponent(location.pathname));
          } else {
            setTimeout(function () { connect(url); }, 3000);
          }
        },
        function () { setTimeout(function () { connect(url); }, 3000); }
      );
    });
    document.documentElement.setAttribute("data-events", "connecting");
    source.addEventListener("open", function () {
      document.documentElement.setAttribute("data-events", "open");
    });
  }

  // A recording that cannot be fetched says so; its URL stays shown beside it.
  document.addEventListener(
    "error",
    function (event) {
      var target = event.target;
      if (target && target.tagName === "AUDIO") {
        target.hidden = true;
        var note = target.parentElement && target.parentElement.querySelector(".unreachable");
        if (note) {
          note.hidden = false;
        }
      }
    },
    true
  );

  var events = meta("dialtone-events");
  if (events && window.EventSource) {
    connect(events);
  }
})();
