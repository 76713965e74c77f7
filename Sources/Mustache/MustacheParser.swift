/// Parses Mustache text into a `TemplateNode` tree, once per template when the library loads.
///
/// This is a port of swift-mustache 2.1.1's parser (`Template+Parser.swift`), kept close to the
/// original and working on characters as it does, so that standalone lines, the indentation of
/// partials and blocks, and the line and column of errors come out exactly the same. Where the
/// original's behaviour is odd, the port keeps it and says so; the few places that differ are
/// marked "Differs from swift-mustache".
struct MustacheParser {
    /// What the parser carries from a tag into the section it opens.
    struct State {
        var sectionName: String?
        var newLine = true
        /// Inside `{{<parent}}…{{/parent}}`: the first line of each block definition sets an
        /// indentation that is taken off the start of its following lines.
        var isPartialDefinition = false
        /// Directly inside `{{<parent}}`, where only block definitions and text may appear.
        var isPartialDefinitionTopLevel = false
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        /// Only its length is used, as in the original.
        var partialDefinitionIndent: Int?

        func withSectionName(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }

        func withDelimiters(start: [Character], end: [Character]) -> State {
            var state = self
            state.startDelimiter = start
            state.endDelimiter = end
            state.isPartialDefinitionTopLevel = false
            return state
        }
    }

    /// Nodes of one level of the tree, with neighbouring text merged into one node.
    private struct NodeList {
        private var nodes: [TemplateNode] = []
        private var pendingText = ""

        mutating func appendText(_ text: String) {
            pendingText += text
        }

        mutating func append(_ node: TemplateNode) {
            flush()
            nodes.append(node)
        }

        mutating func finish() -> [TemplateNode] {
            flush()
            return nodes
        }

        private mutating func flush() {
            guard !pendingText.isEmpty else { return }
            nodes.append(.text(TemplateNode.Text(pendingText)))
            pendingText = ""
        }
    }

    private static let sectionNameCharacters = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let sectionNameCharactersWithoutBrackets = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let partialNameCharacters = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    private let characters: [Character]
    private var position = 0

    /// Parses `text`, or throws the first syntax error with its place.
    static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        var parser = MustacheParser(characters: Array(text))
        do {
            return try parser.parse(state: State())
        } catch {
            throw parser.syntaxError(error)
        }
    }

    private init(characters: [Character]) {
        self.characters = characters
    }

    // MARK: Tags

    private mutating func parse(state initialState: State) throws(TemplateSyntaxError.Kind) -> [TemplateNode] {
        var nodes = NodeList()
        var state = initialState
        var whiteSpaceBefore = ""
        while !reachedEnd {
            if state.newLine {
                let whiteSpace = read(while: { $0 == " " || $0 == "\t" })
                if state.isPartialDefinition && !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent))
                    } else {
                        // The first line of a block definition sets the indentation and, as in
                        // the original, keeps none of its own.
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = String(whiteSpace)
                }
            }
            let text = readUntilDelimiterOrNewline(state)
            // Also true right after a start delimiter followed by a line break (`{{` at the end
            // of a line): the original then keeps the text and the break and drops the `{{`.
            if current.isNewline {
                nodes.appendText(whiteSpaceBefore + text + String(current))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.appendText(whiteSpaceBefore + text)
                whiteSpaceBefore = ""
                state.newLine = false
            }
            // Spaces at the very end of the template, after its last line break, are dropped.
            if reachedEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let isInverted = current == "^"
                position += 1
                let name = try parseName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else if !whiteSpaceBefore.isEmpty {
                    nodes.appendText(whiteSpaceBefore)
                    whiteSpaceBefore = ""
                }
                let children = try parse(state: state.withSectionName(name, newLine: setNewLine))
                nodes.append(isInverted ? .invertedSection(.init(name), children) : .section(.init(name), children))

            case "/":
                position += 1
                let namePosition = position
                let name = try parseName(state)
                guard name == state.sectionName else {
                    position = namePosition
                    throw .sectionCloseNameIncorrect
                }
                if !isStandalone(state) && !whiteSpaceBefore.isEmpty {
                    nodes.appendText(whiteSpaceBefore)
                }
                // The caller goes on with the `newLine` of the opening tag, not of this one.
                return nodes.finish()

            case "!":
                position += 1
                try skipComment(state)
                setNewLine = isStandalone(state)

            case "{", "&":
                let isTriple = current == "{"
                if !whiteSpaceBefore.isEmpty {
                    nodes.appendText(whiteSpaceBefore)
                    whiteSpaceBefore = ""
                }
                position += 1
                let name = try parseName(state)
                if isTriple {
                    guard !reachedEnd else { throw .unfinishedName }
                    guard current == "}" else { throw .unfinishedName }
                    position += 1
                }
                nodes.append(.variable(.init(name), escaped: false))

            case ">":
                position += 1
                _ = read(while: \.isWhitespace)
                var isDynamic = false
                if current == "*" {
                    position += 1
                    isDynamic = true
                }
                let name = try parsePartialName(state)
                if !whiteSpaceBefore.isEmpty { nodes.appendText(whiteSpaceBefore) }
                var indentation: [UInt8]?
                if isStandalone(state) {
                    setNewLine = true
                    indentation = Array(whiteSpaceBefore.utf8)
                }
                nodes.append(
                    .partial(
                        name: name, dynamicName: isDynamic ? .init(name) : nil, indentation: indentation, overrides: nil))
                whiteSpaceBefore = ""

            case "<":
                position += 1
                _ = read(while: \.isWhitespace)
                let sectionName = try parsePartialName(state)
                let isDynamic = sectionName.first == "*"
                let name = isDynamic ? String(sectionName.dropFirst()) : sectionName
                if !whiteSpaceBefore.isEmpty { nodes.appendText(whiteSpaceBefore) }
                if isStandalone(state) { setNewLine = true }
                let children = try parse(state: state.withInheritancePartial(sectionName))
                var overrides: [String: [TemplateNode]] = [:]
                for child in children {
                    switch child {
                    case .blockDefinition(let blockName, let blockNodes): overrides[blockName] = blockNodes
                    case .text: break
                    default: throw .illegalTokenInsideInheritSection
                    }
                }
                // Unlike `{{>name}}`, the original indents a parent by the spaces before it
                // whether or not the tag stands alone.
                nodes.append(
                    .partial(
                        name: name, dynamicName: isDynamic ? .init(name) : nil,
                        indentation: Array(whiteSpaceBefore.utf8), overrides: overrides))
                whiteSpaceBefore = ""

            case "$":
                position += 1
                let name = try parseName(state)
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    let children = try parse(state: state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name: name, children))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.appendText(whiteSpaceBefore) }
                    if isStandalone(state) { setNewLine = true }
                    let children = try parse(state: state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.block(name: name, defaultNodes: children, indentation: Array(whiteSpaceBefore.utf8)))
                    whiteSpaceBefore = ""
                }

            case "=":
                position += 1
                state = try parseSetDelimiter(state)
                setNewLine = isStandalone(state)

            case "%":
                position += 1
                nodes.append(try parseConfigVariable(state))
                setNewLine = isStandalone(state)

            default:
                if !whiteSpaceBefore.isEmpty {
                    nodes.appendText(whiteSpaceBefore)
                    whiteSpaceBefore = ""
                }
                let name = try parseName(state)
                nodes.append(.variable(.init(name), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw .expectedSectionEnd }
        return nodes.finish()
    }

    /// Text up to a start delimiter (which it reads past) or a line break (which it stops at).
    private mutating func readUntilDelimiterOrNewline(_ state: State) -> String {
        guard let delimiterStart = state.startDelimiter.first else { return "" }
        var text = ""
        while !reachedEnd {
            let start = position
            while position < characters.count {
                let character = characters[position]
                if character == "\n" || character == "\r\n" || character == delimiterStart { break }
                position += 1
            }
            text += String(characters[start..<position])
            if current.isNewline {
                break
            } else if current == delimiterStart {
                // Differs from swift-mustache: when the delimiter's first character is one of
                // the template's last characters (a template ending in `{`), the original fails
                // with "overflow"; here it is text.
                if characters.count - position >= state.startDelimiter.count, isAt(state.startDelimiter) {
                    position += state.startDelimiter.count
                    break
                }
                text.append(delimiterStart)
                position += 1
            }
        }
        return text
    }

    /// A variable or section name, up to and including the end delimiter.
    private mutating func parseName(_ state: State) throws(TemplateSyntaxError.Kind) -> String {
        _ = read(while: \.isWhitespace)
        let name = String(read(while: { Self.sectionNameCharacters.contains($0) }))
        _ = read(while: \.isWhitespace)
        try readEndDelimiter(state)
        if name.contains("(") || name.contains(")") { try Self.checkTransform(name) }
        return name
    }

    /// swift-mustache reads `{{first(items)}}` as a transform applied to a name; this engine
    /// has none. A well-formed transform is reported as unsupported, a malformed one as the
    /// original reports it.
    private static func checkTransform(_ name: String) throws(TemplateSyntaxError.Kind) {
        let characters = Array(name)
        var index = 0
        func skipName() {
            while index < characters.count, sectionNameCharactersWithoutBrackets.contains(characters[index]) { index += 1 }
        }
        skipName()
        guard index < characters.count, characters[index] == "(" else { throw .unfinishedName }
        index += 1
        var depth = 1
        while true {
            skipName()
            guard index < characters.count else { throw .unfinishedName }
            switch characters[index] {
            case ")":
                index += 1
                var closing = 0
                while index < characters.count, characters[index] == ")" {
                    closing += 1
                    index += 1
                }
                guard closing + 1 == depth, index == characters.count else { throw .unfinishedName }
                throw .transformNotSupported
            case "(":
                index += 1
                depth += 1
            default:
                throw .unfinishedName
            }
        }
    }

    private mutating func parsePartialName(_ state: State) throws(TemplateSyntaxError.Kind) -> String {
        _ = read(while: \.isWhitespace)
        let name = String(read(while: { Self.partialNameCharacters.contains($0) }))
        _ = read(while: \.isWhitespace)
        try readEndDelimiter(state)
        return name
    }

    /// Reads past the end delimiter, or throws without moving. Differs from swift-mustache: at the
    /// end of the template the original fails with "overflow"; this reports an unclosed tag.
    private mutating func readEndDelimiter(_ state: State) throws(TemplateSyntaxError.Kind) {
        guard characters.count - position >= state.endDelimiter.count, isAt(state.endDelimiter) else {
            throw .unfinishedName
        }
        position += state.endDelimiter.count
    }

    /// Skips a comment and its end delimiter. The search is the original's: after a partial
    /// match it starts again at the next character, so `%%>` does not end a `<% %>` comment.
    /// An unclosed comment is reported where it starts (the original says "overflow").
    private mutating func skipComment(_ state: State) throws(TemplateSyntaxError.Kind) {
        let start = position
        var matched = 0
        while !reachedEnd {
            if characters[position] == state.endDelimiter[matched] {
                matched += 1
                if matched == state.endDelimiter.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        position = start
        throw .unfinishedName
    }

    /// `{{=<% %>=}}`: new start and end delimiters for the rest of the template.
    private mutating func parseSetDelimiter(_ state: State) throws(TemplateSyntaxError.Kind) -> State {
        _ = read(while: \.isWhitespace)
        guard let start = read(until: \.isWhitespace) else { throw .invalidSetDelimiter }
        _ = read(while: \.isWhitespace)
        guard let end = read(until: { $0 == "=" || $0.isWhitespace }) else { throw .invalidSetDelimiter }
        _ = read(while: \.isWhitespace)
        guard !reachedEnd, current == "=" else { throw .invalidSetDelimiter }
        position += 1
        guard characters.count - position >= state.endDelimiter.count, isAt(state.endDelimiter) else {
            throw .invalidSetDelimiter
        }
        position += state.endDelimiter.count
        guard !start.isEmpty, !end.isEmpty else { throw .invalidSetDelimiter }
        return state.withDelimiters(start: Array(start), end: Array(end))
    }

    /// `{{% CONTENT_TYPE: HTML }}` or `{{% CONTENT_TYPE: TEXT }}`, the two content types
    /// swift-mustache registers by default.
    private mutating func parseConfigVariable(_ state: State) throws(TemplateSyntaxError.Kind) -> TemplateNode {
        _ = read(while: \.isWhitespace)
        let variable = String(read(while: { Self.sectionNameCharactersWithoutBrackets.contains($0) }))
        _ = read(while: \.isWhitespace)
        guard !reachedEnd, current == ":" else { throw .invalidConfigVariableSyntax }
        position += 1
        _ = read(while: \.isWhitespace)
        let value = String(read(while: { Self.sectionNameCharactersWithoutBrackets.contains($0) }))
        _ = read(while: \.isWhitespace)
        guard characters.count - position >= state.endDelimiter.count, isAt(state.endDelimiter) else {
            throw .invalidConfigVariableSyntax
        }
        position += state.endDelimiter.count
        guard !variable.isEmpty, !value.isEmpty else { throw .invalidConfigVariableSyntax }
        switch (variable, value) {
        case ("CONTENT_TYPE", "HTML"): return .contentType(escapes: true)
        case ("CONTENT_TYPE", "TEXT"): return .contentType(escapes: false)
        default: throw .unrecognisedConfigVariable
        }
    }

    /// Whether the tag just read stands alone on its line; if so, reads the rest of the line.
    /// A tag followed by spaces and then the end of the template does not stand alone.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if reachedEnd { return true }
        var index = position
        while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
        guard index < characters.count, characters[index].isNewline else { return false }
        position = index + 1
        return true
    }

    // MARK: Reading characters

    private var reachedEnd: Bool { position == characters.count }

    /// The character at the reading position, or NUL at the end.
    private var current: Character { reachedEnd ? "\0" : characters[position] }

    private func isAt(_ string: [Character]) -> Bool {
        characters[position..<position + string.count].elementsEqual(string)
    }

    private mutating func read(while predicate: (Character) -> Bool) -> ArraySlice<Character> {
        let start = position
        while position < characters.count, predicate(characters[position]) { position += 1 }
        return characters[start..<position]
    }

    /// Characters up to one matching `predicate`, or nil without moving if there is none.
    private mutating func read(until predicate: (Character) -> Bool) -> ArraySlice<Character>? {
        let start = position
        while position < characters.count {
            if predicate(characters[position]) { return characters[start..<position] }
            position += 1
        }
        position = start
        return nil
    }

    /// The place of the reading position, counted as swift-mustache's `getContext()` does: the
    /// column in characters since the last "\n", the line from the number of line breaks of any
    /// kind before it.
    private func syntaxError(_ kind: TemplateSyntaxError.Kind) -> TemplateSyntaxError {
        var lineStart = position
        var column = 0
        while lineStart > 0 {
            lineStart -= 1
            if characters[lineStart] == "\n" { break }
            column += 1
        }
        if lineStart < characters.count, characters[lineStart] == "\n" { lineStart += 1 }
        var lineEnd = lineStart
        while lineEnd < characters.count, characters[lineEnd] != "\n" { lineEnd += 1 }
        let line = characters[..<position].count(where: \.isNewline) + 1
        return TemplateSyntaxError(
            kind: kind, line: line, column: column + 1, lineText: String(characters[lineStart..<lineEnd]))
    }
}
