import Core
import Testing

@Suite struct DiagnosticTests {
    @Test func printsLikeACompiler() {
        let diagnostic = Diagnostic.error(
            at: SourceLocation(path: "content/cases/a.md", line: 3, column: 1), "案例缺少必填项 'title'",
            hint: "add a line 'title: …'")
        #expect(diagnostic.description == "content/cases/a.md:3:1: error: 案例缺少必填项 'title'\n  hint: add a line 'title: …'")
    }

    @Test func sortsByFileThenPosition() {
        let later = Diagnostic.error(at: SourceLocation(path: "b.md", line: 1, column: 1), "x")
        let early = Diagnostic.warning(at: SourceLocation(path: "a.md", line: 9, column: 1), "y")
        let earliest = Diagnostic.error(at: SourceLocation(path: "a.md", line: 2, column: 5), "z")
        #expect(DiagnosticsError([later, early, earliest]).diagnostics == [earliest, early, later])
    }
}
