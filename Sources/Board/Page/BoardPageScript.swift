/// The board page's only script (run under a nonce): it follows `/events` with an EventSource,
/// which resumes from the last event id after a dropped connection; replaces a learner's row
/// or the whole board as events say, keeping stuck learners and raised hands first; keeps the
/// counts and the presentation view (`p` toggles it); and opens a cell's details. The token
/// travels in the board's HttpOnly cookie, never in the page. Learner text only ever goes into `textContent`.
enum BoardPageScript {
    /// The JavaScript.
    static let source = #"""

        (function () {
          "use strict";
          var symbols = { passed: "✓", failed: "✗", timeout: "⏱", error: "⚠", blocked: "⊘", skipped: "○", interrupted: "◌" };
          var data, rows, order, lastId, applied = 0;
          var live = document.getElementById("live");

          function el(tag, className, text) {
            var node = document.createElement(tag);
            if (className) node.className = className;
            if (text !== undefined && text !== null) node.textContent = text;
            return node;
          }
          function rank(row) { return row.stuck ? 0 : (row.hand ? 1 : 2); }
          function load(doc) {
            data = doc; rows = new Map(); order = new Map();
            doc.learners.forEach(function (row, index) { rows.set(row.id, row); order.set(row.id, index); });
          }
          function rowElement(row) {
            var tr = el("tr", [row.stuck ? "stuck" : "", row.hand ? "hand" : ""].join(" ").trim());
            tr.dataset.learner = row.id;
            var who = el("th", "who"), line = el("div", "who-line");
            who.scope = "row";
            if (row.stuck) { var stuck = el("span", "flag stuck-flag", "stuck"); stuck.title = row.stuck; line.appendChild(stuck); }
            if (row.hand) {
              var hand = el("span", "flag hand-flag", "✋ " + row.hand.step);
              hand.title = "hand raised at " + row.hand.step;
              line.appendChild(hand);
            }
            if (row.behind && !row.stuck) {
              var behind = el("span", "flag behind-flag", "behind"); behind.title = row.behind; line.appendChild(behind);
            }
            line.appendChild(el("span", "lid", row.id));
            if (row.name) line.appendChild(el("span", "name", row.name));
            who.appendChild(line);
            tr.appendChild(who);
            data.steps.forEach(function (step) {
              var cell = row.steps[step.id];
              var td = el("td", "cell s-" + (cell ? cell.status : "missing"));
              td.dataset.step = step.id;
              if (!cell) {
                td.title = "not run";
                td.appendChild(el("span", "sym", "·"));
              } else {
                td.title = step.id + ": " + cell.status + (cell.reason ? " — " + cell.reason : "");
                var button = el("button");
                button.type = "button";
                button.appendChild(el("span", "sym", symbols[cell.status] || "?"));
                if (cell.undone) {
                  var undone = el("sup", "undone", "↺");
                  undone.title = "done, since undone";
                  button.appendChild(undone);
                }
                if (cell.environment) {
                  var fact = el("sup", "env", "env");
                  fact.title = "a fact of the machine, not counted";
                  button.appendChild(fact);
                }
                if (cell.hintsShown) {
                  var seen = el("sup", "hints", String(cell.hintsShown));
                  seen.title = cell.hintsShown + (cell.hintsShown === 1 ? " hint" : " hints") + " seen";
                  button.appendChild(seen);
                }
                button.appendChild(el("span", "sr", " " + cell.status));
                td.appendChild(button);
              }
              tr.appendChild(td);
            });
            tr.appendChild(el("td", "score", row.passed + "/" + countedSteps().length));
            return tr;
          }
          function sortedIds() {
            return Array.from(rows.keys()).sort(function (a, b) {
              return (rank(rows.get(a)) - rank(rows.get(b))) || (order.get(a) - order.get(b));
            });
          }
          function drawAll() {
            var body = document.getElementById("rows");
            var fragment = document.createDocumentFragment();
            sortedIds().forEach(function (id) { fragment.appendChild(rowElement(rows.get(id))); });
            body.replaceChildren(fragment);
            counts();
          }
          function update(row) {
            var before = rows.get(row.id);
            if (!order.has(row.id)) order.set(row.id, order.size);
            rows.set(row.id, row);
            var current = document.querySelector("#rows > tr[data-learner=\"" + CSS.escape(row.id) + "\"]");
            if (before && current && rank(before) === rank(row)) {
              current.replaceWith(rowElement(row));
              counts();
            } else {
              drawAll();
            }
          }
          function countedSteps() {
            return data.steps.filter(function (step) { return !step.environment; });
          }
          function counts() {
            var all = Array.from(rows.values());
            var total = countedSteps().length;
            document.querySelectorAll("#matrix tfoot td.count").forEach(function (td) {
              td.textContent = all.filter(function (row) { var c = row.steps[td.dataset.step]; return c && c.status === "passed"; }).length;
            });
            var values = {
              learners: all.length,
              done: all.filter(function (row) { return total > 0 && row.passed === total; }).length,
              stuck: all.filter(function (row) { return row.stuck; }).length,
              hands: all.filter(function (row) { return row.hand; }).length,
              behind: all.filter(function (row) { return row.behind && !row.stuck; }).length
            };
            Object.keys(values).forEach(function (key) {
              var node = document.querySelector("[data-count=\"" + key + "\"]");
              if (node) node.textContent = values[key];
            });
            present(all);
            document.body.dataset.applied = String(applied);
          }
          function present(all) {
            var total = all.length;
            document.querySelectorAll("#present-steps b.pcount").forEach(function (node) {
              node.textContent = all.filter(function (row) {
                var c = row.steps[node.dataset.step]; return c && c.status === "passed";
              }).length;
            });
            document.querySelectorAll("#present-steps .ptotal").forEach(function (node) { node.textContent = "/ " + total; });
            function list(id, rowsOf, text) {
              var ul = document.getElementById(id);
              var items = all.filter(rowsOf).map(function (row) {
                var li = el("li");
                li.appendChild(el("span", "lid", row.id));
                if (row.name) li.appendChild(el("span", "name", row.name));
                li.appendChild(el("span", "why", text(row)));
                return li;
              });
              if (!items.length) items = [el("li", "none", "none")];
              ul.replaceChildren.apply(ul, items);
            }
            list("present-stuck", function (row) { return row.stuck; }, function (row) { return row.stuck; });
            list("present-hands", function (row) { return row.hand; }, function (row) { return "✋ " + row.hand.step; });
          }
          function togglePresent() {
            var on = document.body.classList.toggle("present");
            history.replaceState(null, "", on ? "/?present=1" : "/");
            document.getElementById("detail").hidden = true;
          }
          function setLive(text, state) { live.textContent = text; live.dataset.state = state; }
          function connect() {
            var url = "/events?since=" + encodeURIComponent(lastId);
            var source = new EventSource(url);
            source.onopen = function () { setLive("live", "live"); };
            source.onerror = function () {
              setLive("reconnecting…", "lost");
              if (source.readyState === EventSource.CLOSED) { setTimeout(connect, 3000); }
            };
            source.addEventListener("learner", function (event) {
              lastId = event.lastEventId || lastId; applied += 1; update(JSON.parse(event.data));
            });
            source.addEventListener("snapshot", function (event) {
              lastId = event.lastEventId || lastId; applied += 1; load(JSON.parse(event.data)); drawAll();
            });
          }
          function show(id, text) {
            var node = document.getElementById(id);
            node.textContent = text || "";
            node.hidden = !text;
          }
          function openCell(learner, step) {
            if (document.body.classList.contains("present")) return;
            fetch("/api/v1/detail?learner=" + encodeURIComponent(learner) + "&step=" + encodeURIComponent(step),
                  { credentials: "same-origin" })
              .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
              .then(function (d) {
                show("detail-title", d.learner + " · " + d.step + (d.title ? " — " + d.title : ""));
                var seenHints = d.hintsShown ? " · " + d.hintsShown + " of " + ((d.hints && d.hints.length) || 1) + " hints seen" : "";
                show("detail-status", (symbols[d.status] || "") + " " + d.status + seenHints);
                show("detail-command", d.command ? "$ " + d.command : "");
                show("detail-explanation", d.explanation);
                show("detail-output", d.output);
                var hints = d.hints && d.hints.length > 1
                  ? d.hints.map(function (text, index) { return "Hint " + (index + 1) + ": " + text; }).join("\n")
                  : (d.hint ? "Hint: " + d.hint : "");
                show("detail-hint", hints);
                document.getElementById("detail").hidden = false;
              })
              .catch(function () {
                show("detail-title", learner + " · " + step + ": no details");
                document.getElementById("detail").hidden = false;
              });
          }

          load(JSON.parse(document.getElementById("board-data").textContent));
          lastId = data.event;
          document.getElementById("rows").addEventListener("click", function (event) {
            var td = event.target.closest("td.cell");
            if (td && td.querySelector("button")) openCell(td.parentElement.dataset.learner, td.dataset.step);
          });
          document.getElementById("detail-close").addEventListener("click", function () {
            document.getElementById("detail").hidden = true;
          });
          document.addEventListener("keydown", function (event) {
            if (event.key === "Escape") document.getElementById("detail").hidden = true;
            if ((event.key === "p" || event.key === "P") && !event.ctrlKey && !event.metaKey && !event.altKey) togglePresent();
          });
          document.getElementById("present-toggle").addEventListener("click", togglePresent);
          counts();
          connect();
        })();

        """#
}
