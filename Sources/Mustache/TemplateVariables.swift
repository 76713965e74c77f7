import Core

/// The variables a template names, with where it names them: `{{title}}`, `{{#case.tags}}`,
/// `{{{body.html}}}`. Every engine prints nothing for an unknown variable; comparing these
/// names with what the view models provide turns a typo into an error at its line.
struct TemplateVariables {
    struct Reference: Hashable {
        /// The dotted name as written, without transforms: `case.district.href`.
        var name: String
        var line: Int
        var column: Int
    }

    /// Scans Mustache text with the default `{{ }}` delimiters. Comments, partials, parents,
    /// blocks, closing tags and delimiter changes name no variable.
    static func references(in text: String) -> [Reference] {
        var references: [Reference] = []
        let characters = Array(text)
        var index = 0
        var line = 1
        var lineStart = 0
        while index + 1 < characters.count {
            if characters[index] == "\n" {
                line += 1
                lineStart = index + 1
                index += 1
                continue
            }
            guard characters[index] == "{", characters[index + 1] == "{" else {
                index += 1
                continue
            }
            let tagLine = line
            let tagColumn = index - lineStart + 1
            var cursor = index + 2
            let isTriple = cursor < characters.count && characters[cursor] == "{"
            if isTriple { cursor += 1 }
            var body = ""
            while cursor + 1 < characters.count, !(characters[cursor] == "}" && characters[cursor + 1] == "}") {
                if characters[cursor] == "\n" {
                    line += 1
                    lineStart = cursor + 1
                }
                body.append(characters[cursor])
                cursor += 1
            }
            index = cursor + 2 + (isTriple && cursor + 2 < characters.count && characters[cursor + 2] == "}" ? 1 : 0)
            var name = body.trimmingWhitespace
            // A closing tag repeats a name checked where the section opened (or a block's or
            // parent's name, which are not variables).
            if let sigil = name.first, "#^&".contains(sigil) {
                name = String(name.dropFirst()).trimmingWhitespace
            } else if let sigil = name.first, "!><$=%/".contains(sigil) {
                continue
            }
            // A transform wraps the name: `{{#first(items)}}`.
            if let open = name.lastIndex(of: "("), let close = name.lastIndex(of: ")"), open < close {
                name = String(name[name.index(after: open)..<close]).trimmingWhitespace
            }
            guard !name.isEmpty, name != "." else { continue }
            references.append(Reference(name: name, line: tagLine, column: tagColumn))
        }
        return references
    }
}
