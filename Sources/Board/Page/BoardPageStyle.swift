/// The board's own style, after the report's (`HTMLStyle`): a compact matrix that fits 60
/// learners × 20 steps on 1280×720 with its header, learner column and counts kept in view,
/// flags for stuck learners and raised hands, the cell panel; and a plain printout.
enum BoardPageStyle {
    /// The CSS.
    static let css = """

        body.board main, body.board header.page { max-width: none; padding: 0 16px; }
        body.board header.page { padding-top: 8px; padding-bottom: 6px; }
        body.board h1 { margin: 0 0 2px; font-size: 1.35em; }
        body.board .join { margin: 0; color: var(--muted); font-size: 0.85em; }
        .live { margin-left: 10px; padding: 1px 8px; border-radius: 999px; letter-spacing: 0; text-transform: none; }
        .live[data-state=live] { color: var(--passed); background: var(--passed-bg); }
        .live[data-state=connecting], .live[data-state=lost] { color: var(--interrupted); background: var(--interrupted-bg); }
        .board-summary { display: flex; flex-wrap: wrap; gap: 4px 20px; margin: 8px 0; font-size: 0.9em; color: var(--muted); }
        .board-summary b { color: var(--ink); font-size: 1.15em; font-variant-numeric: tabular-nums; }
        .hand-text, .hand-text b { color: #7d4e00; }
        .board-wrap { display: inline-block; max-width: 100%; max-height: calc(100vh - 150px); overflow: auto; }
        table.board-matrix { font-size: 13px; }
        .board-matrix th, .board-matrix td { padding: 2px 4px; }
        .board-matrix thead th { position: sticky; top: 0; z-index: 2; }
        .board-matrix tfoot th, .board-matrix tfoot td { position: sticky; bottom: 0; z-index: 2; background: var(--soft);
          border-top: 1px solid var(--line); }
        .board-matrix tfoot td { text-align: center; font-size: 0.9em; font-variant-numeric: tabular-nums; color: var(--muted); }
        .board-matrix th.who { position: sticky; left: 0; z-index: 1; background: #fff; min-width: 9em; }
        .board-matrix .who-line { max-width: 17em; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
        .board-matrix thead th.who, .board-matrix tfoot th.who { z-index: 3; background: var(--soft); }
        table.board-matrix th.step { max-width: 4em; overflow: hidden; font-size: 0.8em; }
        table.board-matrix th.step .sid { display: block; overflow: hidden; text-overflow: ellipsis; }
        .board-matrix tbody th .lid { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-weight: 600; }
        table.board-matrix tbody th.who .name { display: inline; margin-left: 6px; color: var(--muted); font-weight: 400;
          font-size: 0.9em; }
        .board-matrix td.cell { min-width: 2.1em; font-size: 1em; }
        .board-matrix td.cell > button { display: block; width: 100%; padding: 2px; border: 0; background: transparent; color: inherit;
          font: inherit; cursor: pointer; }
        .board-matrix td.cell > .sym { padding: 2px; }
        .board-matrix td.cell > button:focus-visible { outline: 2px solid var(--accent); outline-offset: -2px; }
        .flag { display: inline-block; margin-right: 6px; padding: 0 5px; border-radius: 4px; font-size: 0.8em; font-weight: 600; }
        .hand-flag { color: #7d4e00; background: #fff8c5; border: 1px solid #d4a72c; }
        .stuck-flag { color: var(--failed); background: var(--failed-bg); border: 1px solid var(--failed); }
        .behind-flag { color: var(--timeout); background: var(--timeout-bg); border: 1px solid var(--timeout); }
        .behind-text, .behind-text b { color: var(--timeout); }
        .board-matrix td.cell sup.hints { margin-left: 1px; font-size: 0.7em; color: var(--accent); font-weight: 700; }
        .board-matrix td.cell sup.undone, .board-matrix td.cell sup.env { margin-left: 1px; font-size: 0.7em; color: var(--muted); }
        tr.stuck > th.who { box-shadow: inset 4px 0 0 var(--failed); }
        tr.hand > th.who { box-shadow: inset 4px 0 0 #d4a72c; }
        .board .legend { margin-top: 8px; }
        .board .step-key { margin-top: 6px; }
        .detail { position: fixed; right: 16px; bottom: 16px; z-index: 10; width: min(600px, 46vw); max-height: 75vh; overflow: auto;
          padding: 12px 16px; background: #fff; border: 1px solid var(--line); border-radius: 10px;
          box-shadow: 0 8px 28px rgba(0, 0, 0, 0.18); }
        .detail h2 { margin: 0 28px 4px 0; padding: 0; border: 0; font-size: 1.05em; overflow-wrap: anywhere; }
        .detail .close { position: absolute; top: 4px; right: 8px; border: 0; background: none; font-size: 1.5em; line-height: 1;
          cursor: pointer; color: var(--muted); }
        .detail pre.explanation { background: var(--soft); border: 1px solid var(--line); }
        .detail [hidden] { display: none; }
        .present-toggle { margin-left: 8px; padding: 0 8px; border: 1px solid var(--line); border-radius: 999px; background: #fff;
          color: var(--muted); font: inherit; letter-spacing: 0; text-transform: none; cursor: pointer; }
        body:not(.present) .present-view { display: none; }
        body.present .board-wrap, body.present .legend, body.present .step-key, body.present .detail,
          body.present .board-summary { display: none !important; }
        .present-view { display: grid; grid-template-columns: minmax(0, 3fr) minmax(14em, 1fr); gap: 16px 32px; margin: 12px 0; }
        .present-steps { list-style: none; margin: 0; padding: 0; display: grid; align-items: start;
          grid-template-columns: repeat(auto-fill, minmax(11em, 1fr)); gap: 10px; }
        .present-steps li { padding: 10px 12px; border: 1px solid var(--line); border-radius: 10px; background: var(--soft); }
        .present-steps .pnum { color: var(--muted); font-size: 0.9em; margin-right: 6px; }
        .present-steps .ptitle { font-weight: 600; overflow-wrap: anywhere; }
        .present-steps .pline { display: block; margin-top: 4px; }
        .present-steps b.pcount { font-size: 3.2em; line-height: 1.1; color: var(--passed); font-variant-numeric: tabular-nums; }
        .present-steps .ptotal { font-size: 1.4em; color: var(--muted); margin-left: 4px; }
        .present-side h2 { margin: 0 0 6px; font-size: 1.2em; border: 0; padding: 0; }
        .present-side ul { list-style: none; margin: 0 0 16px; padding: 0; font-size: 1.15em; }
        .present-side li { padding: 3px 0; }
        .present-side .lid { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-weight: 600; }
        .present-side .name { margin-left: 6px; color: var(--muted); }
        .present-side .why { display: block; color: var(--failed); font-size: 0.9em; }
        #present-hands .why { color: #7d4e00; }
        .present-side .none { color: var(--muted); }
        @media print {
          .live, .detail { display: none !important; }
          .board-wrap { max-height: none; overflow: visible; }
          .board-matrix thead th, .board-matrix tfoot th, .board-matrix tfoot td, .board-matrix th.who { position: static; }
          .board-matrix td.cell > button { padding: 0; }
          table.board-matrix { font-size: 8pt; }
          .board-matrix td.cell { min-width: 0; }
          .board-matrix .who-line { max-width: 22em; }
          table.board-matrix th.step .sid { display: none; }
        }
        @page { size: landscape; margin: 10mm; }

        """
}
