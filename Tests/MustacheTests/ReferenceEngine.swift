import ReferenceMustache
import Testing

@testable import Mustache

/// swift-mustache 2.1.1, the engine this one replaced, kept as the reference the tests
/// compare this engine with: same templates, same values, the same bytes out.
struct ReferenceEngine {
    /// How a template parses: fine, or an error with its place.
    enum ParseOutcome: Equatable, CustomStringConvertible {
        case parsed
        case failed(kind: String, line: Int, column: Int, lineText: String)

        var description: String {
            switch self {
            case .parsed: return "parsed"
            case .failed(let kind, let line, let column, let lineText): return "\(kind) at \(line):\(column) in \(lineText)"
            }
        }
    }

    let ours: TemplateProgram
    let reference: MustacheLibrary

    init(_ texts: [String: String]) throws {
        ours = TemplateProgram(templates: try texts.mapValues { try MustacheParser.parse($0) })
        reference = MustacheLibrary(templates: try texts.mapValues { try MustacheTemplate(string: $0) })
    }

    func render(_ context: [String: Any], with name: String) -> (ours: String, reference: String) {
        var renderer = TemplateRenderer(program: ours, context: context, capacity: 256)
        renderer.render(templateNamed: name)
        return (String(decoding: renderer.output, as: UTF8.self), reference.render(context, withTemplate: name) ?? "")
    }

    static func ourOutcome(_ text: String) -> ParseOutcome {
        do {
            _ = try MustacheParser.parse(text)
            return .parsed
        } catch {
            return .failed(kind: "\(error.kind)", line: error.line, column: error.column, lineText: error.lineText)
        }
    }

    static func referenceOutcome(_ text: String) -> ParseOutcome {
        do {
            _ = try MustacheTemplate(string: text)
            return .parsed
        } catch let error as MustacheTemplate.ParserError {
            return .failed(
                kind: "\(error.error)", line: error.context.lineNumber, column: error.context.columnNumber,
                lineText: error.context.line)
        } catch {
            return .failed(kind: "\(error)", line: 0, column: 0, lineText: "")
        }
    }
}

/// Renders `template` (with `partials`) through both engines and expects `expected` from each.
func expectRendering(
    _ template: String, _ context: [String: Any] = [:], partials: [String: String] = [:], renders expected: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
    let engines = try ReferenceEngine(partials.merging(["main": template]) { _, main in main })
    let output = engines.render(context, with: "main")
    #expect(output.ours == expected, "this engine", sourceLocation: sourceLocation)
    #expect(output.reference == expected, "swift-mustache", sourceLocation: sourceLocation)
}
