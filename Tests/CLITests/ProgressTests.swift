import Foundation
import Testing

@testable import CLI

/// `portal build`'s progress: a line per stage and a line per quarter of the pages where
/// standard error is not a terminal, one line redrawn with a bar where it is.
@Suite struct ProgressTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var text = ""
        func append(_ more: String) {
            lock.lock()
            text += more
            lock.unlock()
        }
        var all: String {
            lock.lock()
            defer { lock.unlock() }
            return text
        }
    }

    @Test func printsPlainLinesWhenNotOnATerminal() {
        let lines = Lines()
        let printer = ProgressPrinter(isTerminal: false, delay: .zero, output: { lines.append($0) })
        printer.handle(.stage("load"))
        printer.handle(.stage("render"))
        for done in 1...400 { printer.handle(.pages(done: done, of: 400)) }
        printer.handle(.stage("links"))
        printer.finish()
        #expect(lines.all == "读取内容…\n生成页面…\n生成页面 100/400\n生成页面 200/400\n生成页面 300/400\n生成页面 400/400\n检查链接…\n")
    }

    @Test func redrawsOneLineWithABarOnATerminal() {
        let lines = Lines()
        let printer = ProgressPrinter(isTerminal: true, delay: .zero, output: { lines.append($0) })
        printer.handle(.stage("render"))
        printer.handle(.pages(done: 12, of: 24))
        printer.handle(.pages(done: 24, of: 24))
        printer.finish()
        let text = lines.all
        #expect(text.hasPrefix("\r\u{1B}[K生成页面…\r\u{1B}[K生成页面 [############------------] 12/24"))
        #expect(text.contains("[########################] 24/24"))
        #expect(text.hasSuffix("\r\u{1B}[K"), "the line is cleared before the result")
        #expect(!text.contains("\n"))
    }

    @Test func aShortBuildShowsNothing() {
        let lines = Lines()
        let printer = ProgressPrinter(isTerminal: false, delay: .seconds(60), output: { lines.append($0) })
        printer.handle(.stage("load"))
        printer.handle(.pages(done: 10, of: 10))
        printer.finish()
        #expect(lines.all.isEmpty)
    }
}
