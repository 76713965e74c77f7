import Core
import Foundation

/// Prints diagnostics to standard error, compiler style, sorted, with a count at the end.
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        let sorted = Array(Set(diagnostics)).sorted()
        var text = sorted.map { $0.description + "\n" }.joined()
        let errors = sorted.count(where: \.isError)
        let warnings = sorted.count - errors
        if errors > 0 || warnings > 0 {
            var parts: [String] = []
            if errors > 0 { parts.append("\(errors) 个错误") }
            if warnings > 0 { parts.append("\(warnings) 个警告") }
            text += parts.joined(separator: "，") + "\n"
        }
        printError(text)
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
