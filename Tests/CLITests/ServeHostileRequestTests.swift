import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// What a hostile page or program on the author's machine sends the preview: requests too big to
/// read, paths that climb out of the preview folder, and links in `content/` to files outside.
@Suite(.serialized) struct ServeHostileRequestTests {
    /// A copy of the example portal with a secret file beside its content folder, served by
    /// `portal serve` on a free port.
    final class Preview {
        let folder: URL
        let server: ServeProcess
        let port: UInt16

        init(prepare: (URL) throws -> Void = { _ in }) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("portal-hostile-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for name in ["content", "templates"] {
                try FileManager.default.copyItem(
                    at: PortalProcess.packageRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
            }
            try Data("SECRET-BESIDE-CONTENT\n".utf8).write(to: folder.appendingPathComponent("secret.txt"))
            try prepare(folder)
            server = try ServeProcess(["--port", "0", "--output", "preview"], in: folder)
            let line = server.waitForLine(startingWith: "预览：http://127.0.0.1:") ?? ""
            port = UInt16(line.dropFirst("预览：http://127.0.0.1:".count).prefix { $0.isNumber }) ?? 0
        }

        deinit {
            server.interrupt()
            try? FileManager.default.removeItem(at: folder)
        }

        func get(_ target: String, headers: String = "") throws -> LoopbackClient.Response {
            try LoopbackClient.send(
                "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(headers)Connection: close\r\n\r\n", port: port)
        }
    }

    /// Seconds `work` takes.
    func seconds(_ work: () throws -> Void) rethrows -> Double {
        let start = Date()
        try work()
        return Date().timeIntervalSince(start)
    }

    @Test func anOverlongRequestLineGets414AtOnceAndTheNextRequestIsServed() throws {
        let preview = try Preview()
        try #require(preview.port != 0, "\(preview.server.standardError)")
        var answer: LoopbackClient.Response?
        let time = try seconds { answer = try preview.get("/" + String(repeating: "a", count: 100_000)) }
        #expect(answer?.status == 414)
        #expect(answer?.headers["connection"] == "close")
        #expect(answer?.body == "请求地址过长：超过 8 KiB\n")
        #expect(time < 5)
        #expect(try preview.get("/").status == 200)
    }

    @Test func anOversizedHeaderGets431AtOnceAndTheNextRequestIsServed() throws {
        let preview = try Preview()
        try #require(preview.port != 0, "\(preview.server.standardError)")
        var answer: LoopbackClient.Response?
        let time = try seconds {
            answer = try preview.get("/", headers: "X-Padding: " + String(repeating: "b", count: 1_000_000) + "\r\n")
        }
        #expect(answer?.status == 431)
        #expect(answer?.body == "请求头过大：超过 32 KiB\n")
        #expect(time < 5)
        // Many header fields, each short, are counted together.
        let many = String(repeating: "X-Field: 0123456789\r\n", count: 5_000)
        #expect(try preview.get("/", headers: many).status == 431)
        #expect(try preview.get("/").status == 200)
    }

    /// The attack that froze the preview: two requests with 10 MB headers, and the author's page
    /// asked for meanwhile.
    @Test func aNormalRequestIsServedWhileHugeRequestsArrive() async throws {
        let preview = try Preview()
        try #require(preview.port != 0, "\(preview.server.standardError)")
        let port = preview.port
        let huge = "GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nX-Padding: " + String(repeating: "c", count: 10_000_000)
        async let first = Task.detached { try LoopbackClient.send(huge + "\r\n\r\n", port: port).status }.value
        async let second = Task.detached { try LoopbackClient.send(huge + "\r\n\r\n", port: port).status }.value
        async let normal = Task.detached {
            try LoopbackClient.get("/cases/linjiang-night-market-fire-safety/", port: port).status
        }.value
        #expect(try await normal == 200)
        #expect(try await first == 431)
        #expect(try await second == 431)
    }

    /// Each way of naming a file above the preview folder (`secret.txt` beside `content/`, and
    /// the system's password file) is not found, encoded once or twice, with backslashes or a
    /// NUL.
    @Test func pathsThatClimbOutOfThePreviewAreNotFound() throws {
        let preview = try Preview()
        try #require(preview.port != 0, "\(preview.server.standardError)")
        let climbs = [
            "/../secret.txt", "/../../../../../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd",
            "/..%2fsecret.txt", "/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd", "/%252e%252e%252fsecret.txt",
            "/%252e%252e/%252e%252e/etc/passwd", "/\\..\\secret.txt", "/..\\..\\..\\etc\\passwd", "/..%5csecret.txt",
            "/%5c..%5c..%5cetc%5cpasswd", "/%00/../secret.txt", "/..%00/secret.txt", "/index.html%00/../../secret.txt",
            "/.%2e/secret.txt", "/cases/../../secret.txt", "//../secret.txt",
        ]
        for path in climbs {
            let answer = try preview.get(path)
            #expect([400, 404].contains(answer.status), "\(path): \(answer.status)")
            #expect(!answer.body.contains("SECRET-BESIDE-CONTENT"), "\(path)")
            #expect(!answer.body.contains("root:x:0:0"), "\(path)")
        }
        #expect(try preview.get("/").status == 200)
    }

    /// A file in `content/` that is a link to one outside is an error at the link, so the preview
    /// shows its problems and never the file.
    @Test func aLinkInContentToAFileOutsideIsNeverServed() throws {
        let preview = try Preview { folder in
            let attachment = folder.appendingPathComponent("content/policies/demonstration-sites-action-plan.pdf")
            try FileManager.default.removeItem(at: attachment)
            try FileManager.default.createSymbolicLink(
                at: attachment, withDestinationURL: folder.appendingPathComponent("secret.txt"))
        }
        try #require(preview.port != 0, "\(preview.server.standardError)")
        #expect(
            preview.server.waitForError(
                containing: "content/policies/demonstration-sites-action-plan.pdf:1:1: error: 符号链接指向内容目录之外："))
        for path in ["/policies/demonstration-sites-action-plan.pdf", "/media/demonstration-sites-action-plan.pdf", "/"] {
            let answer = try preview.get(path)
            #expect(answer.status != 200, "\(path)")
            #expect(!answer.body.contains("SECRET-BESIDE-CONTENT"), "\(path)")
        }
        let published = FileTreeProbe.contents(below: preview.folder.appendingPathComponent("preview"))
        #expect(!published.contains("SECRET-BESIDE-CONTENT"))
    }
}

/// Every file's bytes below a folder, read as text, to look for what must not be there.
enum FileTreeProbe {
    static func contents(below folder: URL) -> String {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return "" }
        var text = ""
        for case let path as String in walker {
            if let data = FileManager.default.contents(atPath: folder.path + "/" + path) {
                text += String(decoding: data, as: UTF8.self)
            }
        }
        return text
    }
}
