/// Every template of a library, parsed once and laid out in flat arrays that rendering walks by
/// index: instructions of plain integers, all literal text in one byte array, names split at
/// their dots. Reading an instruction copies no arrays or strings, as reading a tree node
/// would; a section's body is the instructions after it, up to the index it names.
struct TemplateProgram: Sendable {
    struct Instruction {
        enum Kind: UInt8 {
            /// `text[first..<second]`, indented after each of `lineStarts[third..<fourth]`.
            case text
            /// `paths[first]`, escaped or not.
            case escapedVariable, rawVariable
            /// `paths[first]`; the body is the instructions up to `second`.
            case section, invertedSection
            /// `names[first]`, indented by `indentations[third]`; the default body is the
            /// instructions up to `second`.
            case block
            /// `partials[first]`; the blocks it overrides are the instructions up to `second`.
            case partial
            case escapingOn, escapingOff
        }

        var kind: Kind
        var first = 0
        var second = 0
        var third = 0
        var fourth = 0
    }

    /// A name split at its dots: `pathComponents[start..<end]`.
    struct Path {
        var start: Int
        var end: Int
        var isAnchored: Bool
    }

    struct Partial {
        /// An index into `templates`, or -1 for a template that does not exist.
        var template: Int
        /// For `{{>*name}}`, the path of the variable naming the template; else -1.
        var dynamicName: Int
        /// An index into `indentations`, or -1.
        var indentation: Int
        /// An index into `overrides` for `{{<parent}}`, or -1.
        var overrides: Int
    }

    private(set) var instructions: [Instruction] = []
    private(set) var text: [UInt8] = []
    private(set) var lineStarts: [Int] = []
    private(set) var paths: [Path] = []
    private(set) var pathComponents: [String] = []
    private(set) var names: [String] = []
    private(set) var indentations: [[UInt8]] = []
    private(set) var partials: [Partial] = []
    /// The blocks each parent tag overrides, by name: ranges of `instructions`.
    private(set) var overrides: [[String: Range<Int>]] = []
    /// Each template's instructions.
    private(set) var templates: [Range<Int>] = []
    private(set) var templateIndices: [String: Int] = [:]

    init(templates parsed: [String: [TemplateNode]]) {
        for name in parsed.keys.sorted() {
            templateIndices[name] = templateIndices.count
        }
        templates = Array(repeating: 0..<0, count: templateIndices.count)
        for (name, nodes) in parsed {
            let start = instructions.count
            emit(nodes)
            templates[templateIndices[name]!] = start..<instructions.count
        }
    }

    /// The instructions of the template `name`, if there is one.
    func instructions(ofTemplateNamed name: String) -> Range<Int>? {
        templateIndices[name].map { templates[$0] }
    }

    private mutating func emit(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let piece):
                let start = text.count
                text += piece.bytes
                let firstLineStart = lineStarts.count
                lineStarts += piece.lineStarts.map { start + $0 }
                instructions.append(
                    Instruction(kind: .text, first: start, second: text.count, third: firstLineStart, fourth: lineStarts.count))

            case .variable(let path, let escaped):
                instructions.append(Instruction(kind: escaped ? .escapedVariable : .rawVariable, first: add(path)))

            case .section(let path, let body), .invertedSection(let path, let body):
                let kind: Instruction.Kind
                if case .section = node { kind = .section } else { kind = .invertedSection }
                let index = instructions.count
                instructions.append(Instruction(kind: kind, first: add(path)))
                emit(body)
                instructions[index].second = instructions.count

            case .block(let name, let defaultNodes, let indentation):
                let index = instructions.count
                names.append(name)
                indentations.append(indentation)
                instructions.append(Instruction(kind: .block, first: names.count - 1, third: indentations.count - 1))
                emit(defaultNodes)
                instructions[index].second = instructions.count

            case .partial(let name, let dynamicName, let indentation, let blocks):
                var partial = Partial(
                    template: dynamicName == nil ? templateIndices[name] ?? -1 : -1,
                    dynamicName: dynamicName.map { add($0) } ?? -1,
                    indentation: -1, overrides: -1)
                if let indentation {
                    indentations.append(indentation)
                    partial.indentation = indentations.count - 1
                }
                let index = instructions.count
                instructions.append(Instruction(kind: .partial))
                if let blocks {
                    var ranges: [String: Range<Int>] = [:]
                    for (blockName, body) in blocks {
                        let start = instructions.count
                        emit(body)
                        ranges[blockName] = start..<instructions.count
                    }
                    overrides.append(ranges)
                    partial.overrides = overrides.count - 1
                }
                partials.append(partial)
                instructions[index].first = partials.count - 1
                instructions[index].second = instructions.count

            case .blockDefinition:
                break

            case .contentType(let escapes):
                instructions.append(Instruction(kind: escapes ? .escapingOn : .escapingOff))
            }
        }
    }

    private mutating func add(_ path: TemplateNode.Path) -> Int {
        paths.append(
            Path(
                start: pathComponents.count, end: pathComponents.count + path.components.count, isAnchored: path.isAnchored))
        pathComponents += path.components
        return paths.count - 1
    }
}
