import SeededRandom
import Testing

@testable import Mustache

/// This engine against swift-mustache 2.1.1, the one it replaced, on generated templates: the
/// same output, or the same error at the same place.
@Suite struct GeneratedTemplateTests {
    /// The same seeds every run, so a difference found is found again.
    @Test(arguments: 0..<8)
    func rendersGeneratedTemplatesAsSwiftMustacheDoes(seed: UInt64) throws {
        var generator = TemplateGenerator(seed: seed)
        var differences: [String] = []
        for _ in 0..<400 {
            let partials = [
                "p": generator.template(depth: 1, allowPartials: false),
                "parent": generator.template(depth: 1, allowPartials: true),
            ]
            let original = generator.template(depth: 0, allowPartials: true)
            for main in [original, generator.mutate(original)] {
                if let difference = try Self.compare(main: main, partials: partials) { differences.append(difference) }
            }
        }
        #expect(differences.isEmpty, "\(differences.count) differ; \(differences.prefix(3))")
    }

    /// Nil if both engines give the same output or the same error for `main`.
    static func compare(main: String, partials: [String: String]) throws -> String? {
        let ours = ReferenceEngine.ourOutcome(main)
        let reference = ReferenceEngine.referenceOutcome(main)
        switch (ours, reference) {
        case (.parsed, .parsed):
            let engines = try ReferenceEngine(partials.merging(["main": main]) { _, main in main })
            let output = engines.render(TemplateGenerator.context, with: "main")
            guard output.ours != output.reference else { return nil }
            return "\(main.debugDescription) with \(partials): \(output.ours.debugDescription)"
                + " instead of \(output.reference.debugDescription)"
        case (
            .failed(let kind, let line, let column, let text),
            .failed("overflow", let referenceLine, let referenceColumn, let referenceText)
        )
        where ["unfinishedName", "invalidSetDelimiter"].contains(kind)
            && (line, column, text) == (referenceLine, referenceColumn, referenceText):
            // swift-mustache's "overflow" at the end of the template: the same place, a clearer kind.
            return nil
        case (.parsed, .failed("overflow", _, _, _)) where main.hasSuffix("{"):
            return nil
        default:
            guard ours != reference else { return nil }
            return "\(main.debugDescription): \(ours) instead of \(reference)"
        }
    }
}

/// Random Mustache templates built from the pieces that matter for whitespace and lookup:
/// line breaks and indentation around every kind of tag, nested sections, partials, parents
/// and blocks.
struct TemplateGenerator {
    typealias Random = SplitMix64

    static var context: [String: Any] {
        [
            "name": "N<&>", "multiline": "m1\nm2\n", "html": SafeHTML("<i>\n</i>"), "n": 42, "flag": true, "noflag": false,
            "empty": [[String: Any]](),
            "list": [["name": "L1", "a": ["b": "LB"] as [String: Any]], ["name": "L2\n"]] as [[String: Any]],
            "strings": ["s1", "s2\n"], "a": ["b": "AB", "name": "AN"] as [String: Any], "zero": 0, "dyn": "p", "blank": "",
        ]
    }

    static let texts = [
        "a", "b c", " ", "  ", "\t", "\n", "\n", "\n  ", "\n    ", "\r\n", "<&\"'>", "中文", "}", "{ ", "x\n  ", "  \n",
    ]
    static let variables = [
        "{{name}}", "{{ name }}", "{{{html}}}", "{{&name}}", "{{n}}", "{{.}}", "{{a.b}}", "{{missing}}", "{{flag}}",
        "{{multiline}}", "{{{multiline}}}", "{{.name}}", "{{list.name}}",
    ]
    static let sectionNames = ["list", "flag", "noflag", "empty", "a", "name", "missing", "strings", "zero", "blank", "html"]

    var random: Random

    init(seed: UInt64) {
        random = Random(state: seed)
    }

    mutating func pick<Element>(_ options: [Element]) -> Element {
        options[Int(random.next() % UInt64(options.count))]
    }

    /// Blocks inside a block override are left out: one named as the override makes
    /// swift-mustache recurse until it crashes.
    mutating func template(depth: Int, allowPartials: Bool, allowBlocks: Bool = true) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            text += piece(depth: depth, allowPartials: allowPartials, allowBlocks: allowBlocks)
        }
        return text
    }

    private mutating func piece(depth: Int, allowPartials: Bool, allowBlocks: Bool) -> String {
        let lineBreak = pick(["", "\n", "\n  ", "  \n"])
        switch Int.random(in: 0..<10, using: &random) {
        case 0, 1, 2: return pick(Self.texts)
        case 3, 4: return pick(Self.variables)
        case 5: return pick(["{{! c }}", "{{!\n}}", "\n  {{! c }}\n"])
        case 6 where depth < 3:
            let name = pick(Self.sectionNames)
            let sigil = pick(["#", "^"])
            return
                "\(lineBreak){{\(sigil)\(name)}}\(pick(["", "\n"]))\(template(depth: depth + 1, allowPartials: allowPartials, allowBlocks: allowBlocks))"
                + "\(pick(["", "\n", "\n  "])){{/\(name)}}\(lineBreak)"
        case 7 where allowPartials:
            return "\(lineBreak)\(pick(["{{>p}}", "{{> p }}", "{{>*dyn}}", "{{>missing}}"]))\(pick(["", "\n"]))"
        case 8 where allowBlocks:
            let name = pick(["b", "c"])
            return
                "\(lineBreak){{$\(name)}}\(template(depth: depth + 1, allowPartials: false, allowBlocks: false)){{/\(name)}}\(pick(["", "\n"]))"
        case 9 where allowPartials && depth == 0:
            var definitions = ""
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let name = pick(["b", "c"])
                definitions += pick([
                    "\n", "  ", "{{! x }}",
                    "{{$\(name)}}\(template(depth: 2, allowPartials: false, allowBlocks: false)){{/\(name)}}",
                    "\n  {{$\(name)}}\n  \(template(depth: 2, allowPartials: false, allowBlocks: false))\n  {{/\(name)}}\n",
                ])
            }
            return "\(lineBreak){{<parent}}\(definitions){{/parent}}\(pick(["", "\n"]))"
        default: return pick(Self.texts)
        }
    }

    /// `text` with one character removed or a brace or tag inserted, most often breaking it.
    mutating func mutate(_ text: String) -> String {
        var characters = Array(text)
        let position = Int.random(in: 0...characters.count, using: &random)
        if !characters.isEmpty && position < characters.count && Bool.random(using: &random) {
            characters.remove(at: position)
        } else {
            characters.insert(
                contentsOf: pick(["{{", "}}", "{", "}", "{{/a}}", "{{#a}}", "{{=<% %>=}}", "{{<parent}}"]), at: position)
        }
        return String(characters)
    }
}
