/// The board page's part of type-along (SPEC 11.2): a list of the commands the instructor ran,
/// newest first, kept up to date by a long poll of `/api/v1/instructor` (the page's cookie carries
/// the instructor's token). Commands and output are set as text, never as HTML.
enum InstructorStreamSection {
    /// The section's HTML (empty until a command is shared).
    static let html = """
        <section id="instructor" class="instructor-stream" aria-label="Instructor's commands" hidden>
        <h2>Instructor ran</h2><ol id="instructor-list"></ol></section>

        """

    /// Its style.
    static let css = """
        .instructor-stream ol { list-style: none; padding: 0; }
        .instructor-stream li { margin: .4rem 0; }
        .instructor-stream pre { margin: .2rem 0 0 1rem; opacity: .75; white-space: pre-wrap; }

        """

    /// Its script (run under the page's nonce).
    static let script = #"""
        (function () {
          var after = 0;
          var list = document.getElementById("instructor-list");
          function show(entry) {
            var item = document.createElement("li");
            var command = document.createElement("code");
            command.textContent = entry.command;
            item.appendChild(command);
            if (entry.exitStatus) { item.appendChild(document.createTextNode(" (exit " + entry.exitStatus + ")")); }
            if (entry.output && entry.output.length) {
              var output = document.createElement("pre");
              output.textContent = entry.output.join("\n");
              item.appendChild(output);
            }
            list.insertBefore(item, list.firstChild);
            while (list.children.length > 50) list.removeChild(list.lastChild);
            document.getElementById("instructor").hidden = false;
          }
          function poll() {
            fetch("/api/v1/instructor?after=" + after + "&wait=25", { credentials: "same-origin" })
              .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
              .then(function (page) {
                page.entries.forEach(function (entry) { show(entry); after = Math.max(after, entry.seq); });
                poll();
              })
              .catch(function () { setTimeout(poll, 3000); });
          }
          poll();
        })();

        """#
}
