/// The hints of a step as the guide shows them: one at a time under a failed outcome, and those
/// seen before under the card of a step the learner comes back to.
extension GuideScreen {
    /// A hint just revealed: `hint: …`, or `hint 2 of 3: …` for one of several (Markdown rendered).
    func hint(_ hint: RevealedHint) {
        print(MarkdownRenderer(style: style, width: width - 1, indent: 4).render("**\(hint.label):** " + hint.text))
    }

    /// The hints the learner saw on earlier visits of the step, dimmed, under its card.
    func hintsSeen(_ hints: [RevealedHint]) {
        let renderer = MarkdownRenderer(style: style, width: width - 1, indent: 4)
        var lines = [style.dim("    (hints you have seen for this step)")]
        for hint in hints { lines += renderer.render("**\(hint.label):** " + hint.text).map(style.dim) }
        lines.append("")
        print(lines)
    }
}
