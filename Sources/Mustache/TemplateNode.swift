/// One piece of a parsed template. `MustacheParser` builds the tree once when the library
/// loads, and `TemplateProgram` lays the trees of all templates out flat for
/// `TemplateRenderer`.
enum TemplateNode: Sendable {
    /// Literal text, already UTF-8.
    case text(Text)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as is).
    case variable(Path, escaped: Bool)
    /// `{{#name}}…{{/name}}`: once per list item, once for `true` or any other value, never for
    /// `false`, an empty list or a missing value.
    case section(Path, [TemplateNode])
    /// `{{^name}}…{{/name}}`: only for `false`, an empty list or a missing value.
    case invertedSection(Path, [TemplateNode])
    /// `{{$name}}default{{/name}}`: the block a child template may override.
    case block(name: String, defaultNodes: [TemplateNode], indentation: [UInt8])
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with the blocks it overrides. `indentation` is set
    /// for a standalone tag; `dynamicName` (`{{>*name}}`) names a variable holding the name.
    case partial(name: String, dynamicName: Path?, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?)
    /// `{{$name}}…{{/name}}` directly inside `{{<parent}}`; the parser moves these into the
    /// partial's `overrides`, so a rendered tree never holds one.
    case blockDefinition(name: String, [TemplateNode])
    /// `{{% CONTENT_TYPE: TEXT }}` turns escaping off for the rest of the template, `HTML` on.
    case contentType(escapes: Bool)

    /// Literal text with the places where swift-mustache would indent it inside an indented
    /// partial: after each line feed that ends one of its text tokens and is followed by more
    /// text. Adjacent text tokens are merged into one node, and these offsets keep the merge
    /// from changing the output.
    struct Text: Sendable {
        var bytes: [UInt8]
        var lineStarts: [Int]

        init(_ string: String) {
            bytes = Array(string.utf8)
            lineStarts = []
            for index in bytes.indices where bytes[index] == 0x0A && index + 1 < bytes.count {
                // A line feed after a carriage return ends the character "\r\n", which is not
                // "\n": swift-mustache does not indent after it.
                if index > 0 && bytes[index - 1] == 0x0D { continue }
                lineStarts.append(index + 1)
            }
        }
    }

    /// A variable name split at its dots once, at parse time: `case.category.href` is
    /// `["case", "category", "href"]`. `.` and the empty name mean the current value; a leading
    /// dot (`.name`) looks only in the current value, not up the context stack.
    struct Path: Sendable, Equatable {
        var components: [String]
        var isAnchored: Bool

        init(_ name: String) {
            components = name.split(separator: ".").map(String.init)
            isAnchored = name.first == "."
        }
    }
}
