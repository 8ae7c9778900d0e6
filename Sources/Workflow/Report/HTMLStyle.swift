/// The inline style sheet of the HTML report: screen and print, colour always doubled by a symbol.
public enum HTMLStyle {
    /// The CSS, inlined in the page's `<style>`.
    public static let css = """

        :root {
          --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0969da;
          --passed: #1a7f37; --passed-bg: #dafbe1;
          --failed: #cf222e; --failed-bg: #ffebe9;
          --timeout: #bc4c00; --timeout-bg: #fff1e5;
          --error: #8250df; --error-bg: #fbefff;
          --blocked: #57606a; --blocked-bg: #e6eaef;
          --skipped: #818b98; --skipped-bg: #f6f8fa;
          --interrupted: #9a6700; --interrupted-bg: #fff8c5;
          --missing: #818b98; --missing-bg: #ffffff;
        }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; color: var(--ink); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", Helvetica, Arial, sans-serif; }
        main, header.page, footer { max-width: 1180px; margin: 0 auto; padding: 0 28px; }
        code, pre { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.88em; }
        a { color: inherit; }
        header.page { padding-top: 28px; padding-bottom: 12px; border-bottom: 1px solid var(--line); }
        .eyebrow { margin: 0; color: var(--muted); font-size: 0.8em; font-weight: 600; letter-spacing: 0.08em; text-transform: uppercase; }
        h1 { margin: 2px 0 10px; font-size: 1.9em; line-height: 1.2; overflow-wrap: anywhere; }
        h2 { margin: 34px 0 12px; font-size: 1.25em; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
        .meta { display: flex; flex-wrap: wrap; gap: 4px 28px; margin: 0; }
        .meta div { display: flex; gap: 8px; align-items: baseline; }
        .meta dt { color: var(--muted); font-size: 0.85em; }
        .meta dd { margin: 0; overflow-wrap: anywhere; }
        .summary { display: flex; flex-wrap: wrap; align-items: center; gap: 18px 28px; margin-top: 22px; }
        .verdict { display: flex; flex-direction: column; padding: 10px 22px; border-radius: 10px; border: 1px solid; }
        .verdict.pass { color: var(--passed); background: var(--passed-bg); border-color: var(--passed); }
        .verdict.fail { color: var(--failed); background: var(--failed-bg); border-color: var(--failed); }
        .verdict .big { font-size: 2em; font-weight: 700; line-height: 1.1; }
        .verdict .of { font-size: 0.55em; font-weight: 600; }
        .verdict .label { font-size: 0.85em; font-weight: 600; }
        .counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 0; padding: 0; list-style: none; }
        .counts li { display: flex; align-items: baseline; gap: 6px; padding: 6px 12px; border-radius: 8px; border: 1px solid var(--line); background: var(--soft); }
        .counts li .n { font-weight: 700; font-size: 1.15em; }
        .counts li .word { color: var(--muted); font-size: 0.9em; }
        .counts li.zero { opacity: 0.45; }
        .notice { flex-basis: 100%; margin: 0; padding: 10px 14px; border-left: 4px solid var(--interrupted); background: var(--interrupted-bg); border-radius: 4px; }
        .sym { font-weight: 700; font-family: system-ui, "DejaVu Sans", "Segoe UI Symbol", "Noto Sans Symbols", "Noto Sans Symbols 2", Symbola, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji", sans-serif; }
        .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 8px; }
        table { border-collapse: collapse; width: 100%; }
        th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: middle; }
        tbody tr:last-child > * { border-bottom: 0; }
        thead th { background: var(--soft); font-size: 0.82em; font-weight: 600; color: var(--muted); white-space: nowrap; }
        .table-wrap.fit { display: inline-block; max-width: 100%; vertical-align: top; }
        table.matrix { width: auto; }
        table.matrix th.step { text-align: center; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-weight: 500; }
        table.matrix th.step .num { display: block; font-family: system-ui, sans-serif; font-size: 0.85em; color: var(--skipped); }
        table.matrix th.who { min-width: 11em; }
        table.matrix tbody th.who a { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-weight: 600; text-decoration: none; }
        table.matrix tbody th.who .name { display: block; color: var(--muted); font-weight: 400; font-size: 0.85em; overflow-wrap: anywhere; }
        td.cell { text-align: center; padding: 0; min-width: 3.2em; border-left: 2px solid #fff; font-size: 1.1em; }
        td.cell > a, td.cell > .sym { display: block; padding: 8px 6px; text-decoration: none; }
        td.score { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; white-space: nowrap; }
        td.score.ko { color: var(--failed); }
        td.score.ok { color: var(--passed); }
        .s-passed.cell, .chip.s-passed { color: var(--passed); background: var(--passed-bg); }
        .s-failed.cell, .chip.s-failed { color: var(--failed); background: var(--failed-bg); }
        .s-timeout.cell, .chip.s-timeout { color: var(--timeout); background: var(--timeout-bg); }
        .s-error.cell, .chip.s-error { color: var(--error); background: var(--error-bg); }
        .s-blocked.cell, .chip.s-blocked { color: var(--blocked); background: var(--blocked-bg); }
        .s-skipped.cell, .chip.s-skipped { color: var(--skipped); background: var(--skipped-bg); }
        .s-interrupted.cell, .chip.s-interrupted { color: var(--interrupted); background: var(--interrupted-bg); }
        .s-missing.cell, .chip.s-missing { color: var(--missing); background: var(--missing-bg); }
        .counts .s-passed .sym, .steps .s-passed > .sym, .s-passed-text { color: var(--passed); }
        .counts .s-failed .sym, .steps .s-failed > .sym, .s-failed-text { color: var(--failed); }
        .counts .s-timeout .sym, .steps .s-timeout > .sym, .s-timeout-text { color: var(--timeout); }
        .counts .s-error .sym, .steps .s-error > .sym, .s-error-text { color: var(--error); }
        .counts .s-blocked .sym, .steps .s-blocked > .sym, .s-blocked-text { color: var(--blocked); }
        .counts .s-skipped .sym, .steps .s-skipped > .sym, .s-skipped-text { color: var(--skipped); }
        .counts .s-interrupted .sym, .steps .s-interrupted > .sym, .s-interrupted-text { color: var(--interrupted); }
        .steps .s-missing > .sym { color: var(--missing); }
        .legend { display: flex; clear: both; flex-wrap: wrap; gap: 6px; margin: 10px 0 0; font-size: 0.85em; }
        .chip { display: inline-flex; gap: 4px; padding: 1px 9px; border-radius: 999px; border: 1px solid var(--line); }
        .step-key { display: flex; flex-wrap: wrap; gap: 2px 22px; margin: 12px 0 0; padding-left: 1.6em; font-size: 0.85em; color: var(--muted); }
        .step-key li { padding-left: 2px; }
        .step-key code { color: var(--ink); }
        table.stuck th[scope=row] code { font-weight: 600; }
        table.stuck th[scope=row] .title { display: block; font-weight: 400; color: var(--muted); font-size: 0.88em; }
        table.stuck td.n, table.stuck th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.stuck td.zero { color: #c4cad1; }
        table.stuck td.total { font-weight: 700; }
        table.stuck .track { display: inline-block; width: 64px; height: 8px; margin-right: 8px; vertical-align: middle; border-radius: 4px; background: var(--soft); border: 1px solid var(--line); overflow: hidden; }
        table.stuck .bar { display: block; height: 100%; background: var(--failed); }
        table.stuck td.who { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.85em; overflow-wrap: anywhere; }
        table.stuck td.hint-cell { font-size: 0.9em; overflow-wrap: anywhere; min-width: 16em; }
        table.stuck th[scope=row] { min-width: 9em; }
        .all-clear { padding: 10px 14px; border-left: 4px solid var(--passed); background: var(--passed-bg); border-radius: 4px; }
        article.learner { margin: 0 0 22px; padding: 16px 20px; border: 1px solid var(--line); border-left: 5px solid var(--passed); border-radius: 8px; }
        article.learner.ko { border-left-color: var(--failed); }
        article.learner h3 { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; margin: 0 0 6px; font-size: 1.1em; }
        article.learner h3 .id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        article.learner h3 .name { font-weight: 400; color: var(--muted); overflow-wrap: anywhere; }
        article.learner h3 .score { margin-left: auto; font-size: 0.85em; font-weight: 600; color: var(--muted); }
        .badge { display: inline-block; min-width: 1.6em; padding: 0 5px; border-radius: 5px; text-align: center; font-weight: 700; }
        .badge.s-passed { color: var(--passed); background: var(--passed-bg); }
        .badge.s-failed { color: var(--failed); background: var(--failed-bg); }
        .badge.s-timeout { color: var(--timeout); background: var(--timeout-bg); }
        .badge.s-error { color: var(--error); background: var(--error-bg); }
        .badge.s-blocked { color: var(--blocked); background: var(--blocked-bg); }
        .badge.s-interrupted { color: var(--interrupted); background: var(--interrupted-bg); }
        .engine { margin: 0 0 8px; color: var(--muted); font-size: 0.88em; }
        .engine.down { color: var(--error); }
        ol.steps { columns: 2 22em; column-gap: 28px; margin: 8px 0 4px; padding: 0; list-style: none; }
        ol.steps li { break-inside: avoid; padding: 2px 0; display: flex; gap: 8px; align-items: baseline; }
        ol.steps li > .sym { width: 1.2em; text-align: center; flex: none; }
        ol.steps li a { text-decoration-color: var(--line); }
        ol.steps .dur, ol.steps .why { color: var(--muted); font-size: 0.85em; }
        ol.steps .dur { margin-left: auto; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .problem { margin: 14px 0 0; padding: 12px 16px; border-radius: 6px; background: var(--soft); border: 1px solid var(--line); }
        .problem h4 { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; margin: 0 0 6px; font-size: 1em; }
        .problem h4 .status { margin-left: auto; font-size: 0.8em; font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
        .problem.s-failed h4 .status { color: var(--failed); }
        .problem.s-timeout h4 .status { color: var(--timeout); }
        .problem.s-error h4 .status { color: var(--error); }
        .problem.s-interrupted h4 .status { color: var(--interrupted); }
        .reason { margin: 0 0 4px; font-weight: 600; overflow-wrap: anywhere; }
        .facts { margin: 0 0 8px; color: var(--muted); font-size: 0.88em; }
        .matcher { margin: 8px 0 4px; overflow-wrap: anywhere; }
        .matcher .expected { color: var(--muted); }
        pre { margin: 6px 0; padding: 10px 12px; border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.45; }
        pre.command { background: #fff; border: 1px solid var(--line); }
        pre.command .prompt { color: var(--muted); user-select: none; }
        pre.output { max-height: 30em; overflow: auto; background: #1f2328; color: #e6edf3; }
        pre.output .ln { display: inline-block; min-width: 3.5em; margin-right: 10px; padding-right: 8px; text-align: right; color: #8b949e; border-right: 1px solid #424a53; user-select: none; }
        pre.output .gap { color: #8b949e; font-style: italic; }
        .blocked-line { margin: 10px 0 0; color: var(--muted); }
        .blocked-line code { color: var(--ink); margin-right: 4px; }
        .blocked-line .badge { margin-right: 8px; }
        .probe { margin: 10px 0 0; padding-left: 12px; border-left: 3px solid var(--line); }
        .probe-title { margin: 0; }
        .hint { margin: 10px 0 0; padding: 8px 12px; border-radius: 6px; background: #ddf4ff; border: 1px solid #54aeff; overflow-wrap: anywhere; }
        .hint-label { display: inline-block; margin-right: 6px; padding: 0 7px; border-radius: 4px; background: var(--accent); color: #fff; font-size: 0.78em; font-weight: 700; text-transform: uppercase; letter-spacing: 0.05em; }
        footer { padding-top: 10px; padding-bottom: 28px; color: var(--muted); font-size: 0.8em; }
        @media print {
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          body { font-size: 10pt; }
          main, header.page, footer { max-width: none; padding: 0; }
          .table-wrap { overflow: visible; border: 0; }
          table { page-break-inside: auto; }
          tr, .problem, ol.steps li { break-inside: avoid; page-break-inside: avoid; }
          thead { display: table-header-group; }
          article.learner { break-inside: avoid-page; page-break-inside: avoid; }
          h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
          pre.output { max-height: none; overflow: visible; background: #fff; color: #000; border: 1px solid #999; }
          pre.output .ln, pre.output .gap { color: #555; border-color: #999; }
          a { text-decoration: none; }
        }

        """
}
