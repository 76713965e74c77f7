import Core

/// One entry of `data/terms.yaml`: a wrong form of an official formulation, the right form,
/// and how serious the mistake is.
struct Term: Sendable, Hashable {
    /// Written in Chinese in terms.yaml, as the proofreaders who keep the list say it.
    enum Severity: String, Sendable, CaseIterable {
        /// An error: `check` and `build` fail, as a site inspection would fail the portal.
        case severe = "严重"
        /// A warning: a form that is not standard but keeps the meaning.
        case notice = "提示"
    }

    var wrong: String
    var right: String
    var severity: Severity
    /// Shown as the hint of every hit.
    var note: String?
    /// Where the wrong form stands in terms.yaml.
    var location: SourceLocation

    /// A form in Chinese quotation marks for a message: as it is when it is one quotation
    /// already (“4个意识”), otherwise quoted with the quotations inside it turned into single
    /// ones, as Chinese nests them (“‘五位一体’战略布局”).
    static func quoted(_ form: String) -> String {
        let inner = form.dropFirst().dropLast()
        if form.count > 2, form.hasPrefix("“"), form.hasSuffix("”"), !inner.contains("“"), !inner.contains("”") {
            return form
        }
        let nested = form.map { character -> Character in
            switch character {
            case "“": return "‘"
            case "”": return "’"
            default: return character
            }
        }
        return "“" + String(nested) + "”"
    }
}
