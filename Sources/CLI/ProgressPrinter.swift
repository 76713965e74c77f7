import Build
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Shows a long build's progress on standard error: on a terminal, one line redrawn in place
/// with a bar while pages are written; elsewhere (CI, a log file), a plain line per stage. A
/// build over within a second shows nothing, so short builds print only their result.
final class ProgressPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal: Bool
    private let started = ContinuousClock.now
    private let delay: Duration
    private var stage: String?
    private var lastDrawn = ContinuousClock.now - .seconds(1)
    private var shownLine = false
    private var lastQuarter = 0
    private let output: @Sendable (String) -> Void

    init(
        isTerminal: Bool = isatty(STDERR_FILENO) != 0, delay: Duration = .seconds(1),
        output: @escaping @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    ) {
        self.isTerminal = isTerminal
        self.delay = delay
        self.output = output
    }

    /// How each stage is named to the user.
    static let stageNames: [String: String] = [
        "changes": "查找改动", "load": "读取内容", "templates": "读取模板", "search": "建立搜索索引", "render": "生成页面",
        "links": "检查链接", "privacy": "检查个人信息", "publish": "发布", "state": "保存构建状态",
    ]

    func handle(_ event: BuildEvent) {
        lock.lock()
        defer { lock.unlock() }
        let now = ContinuousClock.now
        let late = now - started >= delay
        switch event {
        case .stage(let name):
            stage = Self.stageNames[name] ?? name
            lastQuarter = 0
            guard late else { return }
            write(isTerminal ? "\r\u{1B}[K\(stage!)…" : "\(stage!)…\n")
        case .pages(let done, let total):
            guard late, total > 0 else { return }
            if isTerminal {
                guard now - lastDrawn >= .milliseconds(100) || done == total else { return }
                lastDrawn = now
                let width = 24
                let filled = done * width / total
                let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                write("\r\u{1B}[K\(stage ?? "生成页面") [\(bar)] \(done)/\(total)")
            } else {
                // A line at each quarter, so a log shows the build moving without a line per page.
                let quarter = done * 4 / total
                guard quarter > lastQuarter else { return }
                lastQuarter = quarter
                write("\(stage ?? "生成页面") \(done)/\(total)\n")
            }
        }
    }

    /// Clears the progress line before the result is printed.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if isTerminal && shownLine { write("\r\u{1B}[K") }
    }

    private func write(_ text: String) {
        shownLine = true
        output(text)
    }
}
