/// A template that does not parse, with the place swift-mustache 2.1.1 would report: the line
/// (counted from 1), the column in characters, and the text of that line.
struct TemplateSyntaxError: Error, Equatable {
    enum Kind: Error, Equatable {
        /// `{{/name}}` does not close the section that is open.
        case sectionCloseNameIncorrect
        /// A tag without its closing `}}`, or a name with stray characters.
        case unfinishedName
        /// The template ends inside a section.
        case expectedSectionEnd
        /// `{{=<% %>=}}` written wrongly.
        case invalidSetDelimiter
        /// Something other than `{{$block}}` definitions and text inside `{{<parent}}`.
        case illegalTokenInsideInheritSection
        /// swift-mustache's transforms (`{{uppercased(name)}}`), which this engine leaves out.
        case transformNotSupported
        /// `{{% … }}` written wrongly.
        case invalidConfigVariableSyntax
        /// `{{% … }}` other than `CONTENT_TYPE: HTML` or `CONTENT_TYPE: TEXT`.
        case unrecognisedConfigVariable
    }

    var kind: Kind
    var line: Int
    var column: Int
    /// The whole line the error is on, as written.
    var lineText: String
}
