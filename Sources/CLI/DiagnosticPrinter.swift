import ArgumentParser
import Core
import Foundation

/// How problems are printed: compiler-style text for people, JSON for editors and tools.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

struct ReportOptions: ParsableArguments {
    @Option(name: .long, help: "问题的输出格式：text（默认）或 json（写到标准输出，供编辑器和其他工具使用）。")
    var format: DiagnosticFormat = .text
}

/// Prints a run's diagnostics, sorted: as text to standard error with a count at the end, or as
/// one JSON document to standard output.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic], format: DiagnosticFormat = .text) {
        let sorted = Array(Set(diagnostics)).sorted()
        let errors = sorted.count(where: \.isError)
        let warnings = sorted.count - errors
        switch format {
        case .text:
            var text = sorted.map { $0.description + "\n" }.joined()
            if errors > 0 || warnings > 0 {
                var parts: [String] = []
                if errors > 0 { parts.append("\(errors) 个错误") }
                if warnings > 0 { parts.append("\(warnings) 个警告") }
                text += parts.joined(separator: "，") + "\n"
            }
            printError(text)
        case .json:
            let report = JSONReport(diagnostics: sorted.map(JSONReport.Entry.init), errors: errors, warnings: warnings)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
            FileHandle.standardOutput.write(data + Data("\n".utf8))
        }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// The JSON shape of `--format json`.
private struct JSONReport: Encodable {
    struct Entry: Encodable {
        var path: String
        var line: Int
        var column: Int
        var severity: String
        var message: String
        var hint: String?

        init(_ diagnostic: Diagnostic) {
            path = diagnostic.location.path
            line = diagnostic.location.line
            column = diagnostic.location.column
            severity = diagnostic.severity.rawValue
            message = diagnostic.message
            hint = diagnostic.hint
        }
    }

    var diagnostics: [Entry]
    var errors: Int
    var warnings: Int
}
