import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `portal serve` running as a user starts it, its output collected as it comes.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var output = ""
    private var errors = ""

    init(_ arguments: [String], in directory: URL) throws {
        process.executableURL = PortalProcess.executable
        process.arguments = ["serve"] + arguments
        process.currentDirectoryURL = directory
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        stdout.fileHandleForReading.readabilityHandler = { [self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            lock.withLock { output += text }
        }
        stderr.fileHandleForReading.readabilityHandler = { [self] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            lock.withLock { errors += text }
        }
        try process.run()
    }

    var standardOutput: String { lock.withLock { output } }
    var standardError: String { lock.withLock { errors } }

    /// Waits until standard output has a line starting with `prefix` and returns it; gives up
    /// after 60 seconds, when the process ends, or returns nil.
    func waitForLine(startingWith prefix: String) -> String? {
        let end = Date().addingTimeInterval(60)
        while Date() < end {
            if let line = standardOutput.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) { return String(line) }
            if !process.isRunning { return nil }
            usleep(20_000)
        }
        return nil
    }

    /// Waits until standard error holds `text`, for up to 20 seconds.
    func waitForError(containing text: String) -> Bool {
        let end = Date().addingTimeInterval(20)
        while Date() < end {
            if standardError.contains(text) { return true }
            usleep(20_000)
        }
        return false
    }

    /// Ends the server as Ctrl-C does.
    func interrupt() {
        if process.isRunning { kill(process.processIdentifier, SIGINT) }
        process.waitUntilExit()
    }
}

@Suite(.serialized) struct ServeCommandTests {
    func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["content", "templates"] {
            try FileManager.default.copyItem(
                at: PortalProcess.packageRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    func edit(_ file: URL, replacing old: String, with new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func servesDraftsReloadsOnSaveShowsErrorsAndRecovers() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try ServeProcess(["--port", "0", "--output", "preview"], in: folder)
        defer { server.interrupt() }
        let line = try #require(server.waitForLine(startingWith: "预览：http://127.0.0.1:"), "\(server.standardError)")
        let port = try #require(UInt16(line.dropFirst("预览：http://127.0.0.1:".count).prefix { $0.isNumber }))
        let draft = "/cases/linjiang-night-market-fire-safety/"
        let caseFile = folder.appendingPathComponent("content/cases/linjiang-night-market-fire-safety.md")

        // A draft is served under its banner, with the preview script that only the preview adds.
        var page = try LoopbackClient.get(draft, port: port)
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.body.contains("status-banner is-draft"))
        #expect(page.body.contains(#"<script src="/__portal/preview.js" data-generation="1" defer></script></body>"#))
        let built = try String(
            contentsOf: folder.appendingPathComponent("preview\(draft)index.html"), encoding: .utf8)
        #expect(!built.contains("__portal"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
        let script = try LoopbackClient.get("/__portal/preview.js", port: port)
        #expect(script.status == 200 && script.body.contains("new WebSocket"))
        #expect(try LoopbackClient.get("/no-such-page/", port: port).status == 404)

        // A page connects and hears the current state.
        let socket = try LoopbackClient.webSocket("/__portal/live", port: port)
        var message = try socket.nextMessage()
        #expect(message["type"] as? String == "status")
        #expect(message["generation"] as? Int == 1)

        // A save rebuilds and tells the page to reload; the page then shows the change.
        try edit(caseFile, replacing: "（初稿，待区局审核后发布）", with: "（第二稿：已按区局意见修改）")
        message = try socket.nextMessage()
        #expect(message["type"] as? String == "reload")
        #expect(message["generation"] as? Int == 2)
        page = try LoopbackClient.get(draft, port: port)
        #expect(page.body.contains("（第二稿：已按区局意见修改）"))
        #expect(page.body.contains(#"data-generation="2""#))

        // A mistake is shown in the terminal and sent to the page; the last good page stays.
        try edit(caseFile, replacing: "district: 临江区", with: "district: 临江")
        message = try socket.nextMessage()
        #expect(message["type"] as? String == "failed")
        let problems = try #require(message["problems"] as? [[String: Any]])
        #expect(problems.contains { $0["location"] as? String == "content/cases/linjiang-night-market-fire-safety.md:4:11" })
        #expect(server.waitForError(containing: "content/cases/linjiang-night-market-fire-safety.md:4:11: error:"))
        page = try LoopbackClient.get(draft, port: port)
        #expect(page.status == 200 && page.body.contains("（第二稿：已按区局意见修改）"))
        let late = try LoopbackClient.webSocket("/__portal/live", port: port)
        message = try late.nextMessage()
        #expect(message["type"] as? String == "status")
        #expect((message["problems"] as? [[String: Any]])?.isEmpty == false)

        // Putting it right recovers by itself.
        try edit(caseFile, replacing: "district: 临江", with: "district: 临江区")
        message = try socket.nextMessage()
        #expect(message["type"] as? String == "reload")
        #expect(message["generation"] as? Int == 3)

        server.interrupt()
        // Ctrl-C ends it, and nothing else did before.
        #expect(server.process.terminationReason == .uncaughtSignal)
        #expect(server.process.terminationStatus == SIGINT)
    }

    /// A page of another site the author visits cannot read drafts through the preview, by a
    /// name of its own that resolves to 127.0.0.1 or by opening the WebSocket.
    @Test func answersOnlyItsAuthorsBrowser() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let server = try ServeProcess(["--port", "0", "--output", "preview"], in: folder)
        defer { server.interrupt() }
        let line = try #require(server.waitForLine(startingWith: "预览：http://127.0.0.1:"), "\(server.standardError)")
        let port = try #require(UInt16(line.dropFirst("预览：http://127.0.0.1:".count).prefix { $0.isNumber }))
        let draft = "/cases/linjiang-night-market-fire-safety/"
        func request(host: String, origin: String? = nil, path: String = draft, upgrade: Bool = false) throws
            -> LoopbackClient.Response
        {
            var text = "GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: \(upgrade ? "Upgrade" : "close")\r\n"
            if let origin { text += "Origin: \(origin)\r\n" }
            if upgrade {
                text += "Upgrade: websocket\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
            }
            return try LoopbackClient.send(text + "\r\n", port: port)
        }

        let own = try request(host: "127.0.0.1:\(port)")
        #expect(own.status == 200)
        #expect(own.headers["x-frame-options"] == "DENY")
        #expect(own.headers["content-security-policy"]?.contains("frame-ancestors 'none'") == true)
        #expect(try request(host: "localhost:\(port)", origin: "http://localhost:\(port)").status == 200)

        let rebound = try request(host: "evil.example:\(port)")
        #expect(rebound.status == 403)
        #expect(!rebound.body.contains("status-banner"))
        #expect(try request(host: "127.0.0.1:1").status == 403)
        #expect(try request(host: "127.0.0.1:\(port)", origin: "http://evil.example").status == 403)
        let socket = try request(
            host: "127.0.0.1:\(port)", origin: "http://evil.example", path: "/__portal/live", upgrade: true)
        #expect(socket.status == 403)
    }

    @Test func aPortInUseIsAnErrorWithAHint() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try ServeProcess(["--port", "0", "--output", "preview"], in: folder)
        defer { first.interrupt() }
        let line = try #require(first.waitForLine(startingWith: "预览：http://127.0.0.1:"))
        let port = String(line.dropFirst("预览：http://127.0.0.1:".count).prefix { $0.isNumber })

        let second = try PortalProcess.run(["serve", "--port", port, "--output", "preview2"], in: folder)
        #expect(second.status == 1)
        #expect(second.standardError.hasPrefix("error: 选项 --port：端口 \(port) 已被占用\n  hint: "))
        // Told before the preview is built: nothing was built, nothing written.
        #expect(!second.standardOutput.contains("正在构建预览"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("preview2").path))
    }

    @Test func thePreviewIsNeverBuiltIntoSite() throws {
        let folder = try workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PortalProcess.run(["serve", "--output", "site"], in: folder)
        #expect(result.status == 1)
        #expect(result.standardError.hasPrefix("error: 选项 --output：预览不能构建到默认输出目录 site/"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site").path))
    }
}
