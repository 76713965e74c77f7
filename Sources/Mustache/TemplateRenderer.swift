import Foundation

/// Renders parsed templates into one buffer of UTF-8 bytes. One renderer renders one page: it
/// holds the output, the stack of context values that names are looked up in, and what
/// partials and blocks pass down (indentation, overridden blocks, escaping).
///
/// The output is byte for byte what swift-mustache 2.1.1 renders for the same templates and
/// values (the differential tests check it); comments mark where that differs from the
/// Mustache spec. Values are tested against the common concrete types first (`String`,
/// `[String: Any]`, `[[String: Any]]`, `Bool`, `Int`, `SafeHTML`) and only then in the general,
/// slower way swift-mustache tests every value.
struct TemplateRenderer {
    /// A value on the context stack, classified once when it is pushed so that looking a name
    /// up in it needs no cast.
    struct Frame {
        enum Kind: UInt8 {
            case dictionary
            /// Another string-keyed dictionary, or one in an `Optional`, read as
            /// `[String: Any]`; `{{.}}` prints the original, `value`.
            case dictionaryView
            /// A `String`, `Int` or `Bool`: nothing can be looked up in it.
            case leaf
            /// Anything else: looked up by reflection, as swift-mustache does.
            case other
        }

        var kind: Kind
        var dictionary: [String: Any] = [:]
        var value: Any = ()

        init(dictionary: [String: Any]) {
            kind = .dictionary
            self.dictionary = dictionary
        }

        init(_ value: Any) {
            let valueType = type(of: value)
            self.value = value
            if valueType == String.self || valueType == Int.self || valueType == Bool.self {
                kind = .leaf
            } else if let dictionary = value as? [String: Any] {
                kind = valueType == [String: Any].self ? .dictionary : .dictionaryView
                self.dictionary = dictionary
            } else {
                kind = .other
            }
        }

        /// What `{{.}}` prints.
        var printedValue: Any { kind == .dictionary ? dictionary : value }
    }

    /// Partials and blocks nested deeper than this render nothing, so that a partial that
    /// includes itself without end, or a block override holding a block of the same name, does
    /// not overflow the stack (swift-mustache crashes).
    static let maximumNestingDepth = 100

    private let program: TemplateProgram
    private(set) var output: [UInt8] = []
    private var stack: [Frame]
    /// Prefixed to each line of a standalone partial or block; empty for none.
    private var indentation: [UInt8] = []
    /// The blocks the parent templates being rendered override, the outermost winning.
    private var overrides: [String: Range<Int>]?
    private var escapes = true
    private var nestingDepth = 0

    init(program: TemplateProgram, context: [String: Any], capacity: Int) {
        self.program = program
        stack = [Frame(dictionary: context)]
        stack.reserveCapacity(8)
        output.reserveCapacity(capacity)
    }

    /// Renders the template `name`; an unknown name renders nothing.
    mutating func render(templateNamed name: String) {
        guard let instructions = program.instructions(ofTemplateNamed: name) else { return }
        render(instructions)
    }

    // MARK: Instructions

    /// Renders one template, section body or block. swift-mustache indents an instruction
    /// inside an indented partial when the text this body has produced so far ends with "\n";
    /// the spec instead indents every line of the partial. The two differ when a section
    /// repeats: the original does not indent the first line of the second and later items.
    private mutating func render(_ instructions: Range<Int>) {
        // `{{% CONTENT_TYPE }}` lasts until the end of the template or section it is in.
        let escapesBefore = escapes
        defer { escapes = escapesBefore }
        var index = instructions.lowerBound
        guard !indentation.isEmpty else {
            while index < instructions.upperBound { index = execute(index, isIndented: false) }
            return
        }
        let start = output.count
        while index < instructions.upperBound {
            guard endsWithLineFeed(since: start) else {
                index = execute(index, isIndented: true)
                continue
            }
            let indentation = self.indentation
            output.append(contentsOf: indentation)
            let instructionStart = output.count
            index = execute(index, isIndented: true)
            if output.count == instructionStart { output.removeLast(indentation.count) }
        }
    }

    /// Whether the output since `start` ends with the character "\n" (a "\r\n" is another
    /// character).
    private func endsWithLineFeed(since start: Int) -> Bool {
        let count = output.count
        guard count > start, output[count - 1] == 0x0A else { return false }
        return count - start < 2 || output[count - 2] != 0x0D
    }

    /// Runs the instruction at `index`, with its body, and returns the index of the next.
    private mutating func execute(_ index: Int, isIndented: Bool) -> Int {
        let instruction = program.instructions[index]
        switch instruction.kind {
        case .text:
            guard isIndented, instruction.third < instruction.fourth else {
                output.append(contentsOf: program.text[instruction.first..<instruction.second])
                return index + 1
            }
            var lineStart = instruction.first
            for next in program.lineStarts[instruction.third..<instruction.fourth] {
                output.append(contentsOf: program.text[lineStart..<next])
                output.append(contentsOf: indentation)
                lineStart = next
            }
            output.append(contentsOf: program.text[lineStart..<instruction.second])
            return index + 1

        case .escapedVariable, .rawVariable:
            if let value = resolve(instruction.first) {
                write(value, escaped: instruction.kind == .escapedVariable && escapes)
            }
            return index + 1

        case .section:
            renderSection(resolve(instruction.first), index + 1..<instruction.second)
            return instruction.second

        case .invertedSection:
            renderInvertedSection(resolve(instruction.first), index + 1..<instruction.second)
            return instruction.second

        case .block:
            guard nestingDepth < Self.maximumNestingDepth else { return instruction.second }
            let indentationBefore = indentation
            indentation += program.indentations[instruction.third]
            nestingDepth += 1
            render(overrides?[program.names[instruction.first]] ?? index + 1..<instruction.second)
            nestingDepth -= 1
            indentation = indentationBefore
            return instruction.second

        case .partial:
            renderPartial(program.partials[instruction.first])
            return instruction.second

        case .escapingOn, .escapingOff:
            escapes = instruction.kind == .escapingOn
            return index + 1
        }
    }

    private mutating func renderPartial(_ partial: TemplateProgram.Partial) {
        var template = partial.template
        if partial.dynamicName >= 0 {
            guard let name = resolve(partial.dynamicName) as? String, let found = program.templateIndices[name] else { return }
            template = found
        }
        guard template >= 0, nestingDepth < Self.maximumNestingDepth else { return }
        let (indentationBefore, overridesBefore, escapesBefore) = (indentation, overrides, escapes)
        if partial.indentation >= 0 { indentation += program.indentations[partial.indentation] }
        if partial.overrides >= 0 {
            // A block a template further out overrides keeps that override (the spec's rule).
            let blocks = program.overrides[partial.overrides]
            overrides = overrides?.merging(blocks) { outer, _ in outer } ?? blocks
        }
        escapes = true
        nestingDepth += 1
        render(program.templates[template])
        nestingDepth -= 1
        (indentation, overrides, escapes) = (indentationBefore, overridesBefore, escapesBefore)
    }

    // MARK: Sections

    /// swift-mustache renders a section once per item of a list, once without a new context
    /// for `true`, never for `false`, an empty list, a missing value or `NSNull`, and once with
    /// the value as the context for anything else, an empty string or `0` included (the spec
    /// leaves the falsiness of those to the language).
    private mutating func renderSection(_ value: Any?, _ body: Range<Int>) {
        guard let value else { return }
        let valueType = type(of: value)
        if valueType == [[String: Any]].self {
            for item in value as! [[String: Any]] {
                stack.append(Frame(dictionary: item))
                render(body)
                stack.removeLast()
            }
        } else if valueType == Bool.self {
            if value as! Bool { render(body) }
        } else if valueType == [String: Any].self || valueType == String.self || valueType == Int.self
            || valueType == SafeHTML.self
        {
            stack.append(Frame(value))
            render(body)
            stack.removeLast()
        } else if let list = value as? [Any] {
            for item in list {
                stack.append(Frame(item))
                render(body)
                stack.removeLast()
            }
        } else if let sequence = value as? any RenderableSequence {
            for item in sequence.elements {
                stack.append(Frame(item))
                render(body)
                stack.removeLast()
            }
        } else if let flag = value as? Bool {
            if flag { render(body) }
        } else if !(value is NSNull) {
            stack.append(Frame(value))
            render(body)
            stack.removeLast()
        }
    }

    /// The opposite of `renderSection`; an empty list becomes the context, as in swift-mustache.
    private mutating func renderInvertedSection(_ value: Any?, _ body: Range<Int>) {
        guard let value else {
            render(body)
            return
        }
        let valueType = type(of: value)
        if valueType == [[String: Any]].self {
            guard (value as! [[String: Any]]).isEmpty else { return }
            stack.append(Frame(value))
            render(body)
            stack.removeLast()
        } else if valueType == Bool.self {
            if !(value as! Bool) { render(body) }
        } else if valueType == [String: Any].self || valueType == String.self || valueType == Int.self
            || valueType == SafeHTML.self
        {
            return
        } else if let list = value as? [Any] {
            guard list.isEmpty else { return }
            stack.append(Frame(list))
            render(body)
            stack.removeLast()
        } else if let sequence = value as? any RenderableSequence {
            guard sequence.elements.isEmpty else { return }
            stack.append(Frame(sequence))
            render(body)
            stack.removeLast()
        } else if let flag = value as? Bool {
            if !flag { render(body) }
        } else if value is NSNull {
            render(body)
        }
    }

    // MARK: Values

    /// Looks a name up as swift-mustache does: the first part in each context from the
    /// innermost out (only the innermost for `.name`), the rest inside what the first found,
    /// with no going back up the stack.
    private func resolve(_ pathIndex: Int) -> Any? {
        let path = program.paths[pathIndex]
        guard path.start < path.end else { return stack[stack.count - 1].printedValue }
        let first = program.pathComponents[path.start]
        guard var value = path.isAnchored ? child(named: first, inFrame: stack.count - 1) : findInStack(first) else {
            return nil
        }
        var index = path.start + 1
        while index < path.end {
            guard let child = Self.child(named: program.pathComponents[index], of: value) else { return nil }
            value = child
            index += 1
        }
        return value
    }

    private func findInStack(_ name: String) -> Any? {
        var index = stack.count - 1
        while index >= 0 {
            if let value = child(named: name, inFrame: index) { return value }
            index -= 1
        }
        return nil
    }

    private func child(named name: String, inFrame index: Int) -> Any? {
        switch stack[index].kind {
        case .dictionary, .dictionaryView: return stack[index].dictionary[name]
        case .leaf: return nil
        case .other: return Self.child(named: name, of: stack[index].value)
        }
    }

    /// The child `name` of a value: a dictionary's value (any string-keyed dictionary, as
    /// swift-mustache's `MustacheParent`), nothing for `NSNull`, or else a stored property found
    /// by reflection, unwrapped if it is an `Optional`.
    static func child(named name: String, of value: Any) -> Any? {
        if let dictionary = value as? [String: Any] { return dictionary[name] }
        if value is NSNull { return nil }
        guard let child = Mirror(reflecting: value).children.first(where: { $0.label == name }) else { return nil }
        let mirror = Mirror(reflecting: child.value)
        guard mirror.displayStyle == .optional else { return child.value }
        return mirror.children.first?.value
    }

    /// Prints a value as swift-mustache does: `String(describing:)`, after unwrapping an
    /// `Optional` one level; `NSNull` prints nothing.
    private mutating func write(_ value: Any, escaped: Bool) {
        // Exact types only: a cast would also unwrap an `Optional` in the value, which the
        // original prints differently when it holds another `Optional`.
        let valueType = type(of: value)
        if valueType == String.self {
            append(value as! String, escaped: escaped)
        } else if valueType == Int.self {
            output.append(contentsOf: String(value as! Int).utf8)
        } else if valueType == SafeHTML.self {
            append((value as! SafeHTML).html, escaped: escaped)
        } else if valueType == Bool.self {
            append(value as! Bool ? "true" : "false", escaped: false)
        } else if value is NSNull {
            return
        } else if let optional = value as? any OptionalValue, let wrapped = optional.wrappedValue {
            append(String(describing: wrapped), escaped: escaped)
        } else {
            append(String(describing: value), escaped: escaped)
        }
    }

    private mutating func append(_ string: String, escaped: Bool) {
        if escaped {
            HTMLEscaping.append(escaping: string, to: &output)
        } else {
            var string = string
            string.withUTF8 { output.append(contentsOf: $0) }
        }
    }
}
