import Testing

@testable import Preview

/// The preview reads a request's head only as far as its limits, and passes on what its server
/// needs.
@Suite struct RequestHeadTests {
    func verdict(_ text: String, inChunksOf size: Int = 1 << 20) -> RequestHead.Verdict {
        var head = RequestHead()
        let bytes = Array(text.utf8)
        var verdict = RequestHead.Verdict.incomplete
        var start = 0
        while verdict == .incomplete, start < bytes.count {
            verdict = head.append(Array(bytes[start..<min(start + size, bytes.count)]))
            start += size
        }
        return verdict
    }

    @Test(arguments: [1, 7, 4096])
    func findsTheEndOfAHeadHoweverItArrives(_ size: Int) {
        let head = "GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n"
        #expect(verdict(head + "next", inChunksOf: size) == .complete(length: head.utf8.count))
        #expect(verdict("GET / HTTP/1.1\nHost: a\n\nbody", inChunksOf: size) == .complete(length: 24))
        #expect(verdict("GET / HTTP/1.1\r\nHost: a\r\n", inChunksOf: size) == .incomplete)
    }

    @Test func takesARequestLineUpToTheLimit() {
        let target = "/" + String(repeating: "a", count: RequestHead.requestLineLimit - "GET / HTTP/1.1".utf8.count)
        #expect(verdict("GET \(target) HTTP/1.1\r\n\r\n") == .complete(length: RequestHead.requestLineLimit + 4))
        #expect(verdict("GET \(target)a HTTP/1.1\r\n\r\n") == .requestLineTooLong)
    }

    @Test func refusesALongRequestLineBeforeItEnds() {
        // Only a little over the limit has arrived, and no line end: refused already.
        #expect(verdict("GET /" + String(repeating: "a", count: RequestHead.requestLineLimit)) == .requestLineTooLong)
    }

    @Test func refusesHeadersOverTheLimitBeforeTheyEnd() {
        let field = "X-Field: " + String(repeating: "b", count: 100) + "\r\n"
        let fields = String(repeating: field, count: RequestHead.headerLimit / field.utf8.count + 1)
        #expect(verdict("GET / HTTP/1.1\r\n" + fields) == .headersTooLarge)
        #expect(verdict("GET / HTTP/1.1\r\nX-Big: " + String(repeating: "b", count: 40_000)) == .headersTooLarge)
        #expect(verdict("GET / HTTP/1.1\r\n" + String(fields.dropFirst(field.utf8.count * 2)) + "\r\n") != .headersTooLarge)
    }

    @Test func passesOnOnlyWhatThePreviewReadsAndAsksForAClose() throws {
        let text =
            "GET /__portal/live HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nCookie: a=b\r\nUser-Agent: x\r\n"
            + "Connection: keep-alive, Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Key: k\r\nOrigin: http://127.0.0.1:8080\r\n\r\n"
        var head = RequestHead()
        guard case .complete(let length) = head.append(Array(text.utf8)) else { Issue.record("no head"); return }
        let forwarded = String(decoding: try #require(head.forwarded(length: length)), as: UTF8.self)
        #expect(
            forwarded
                == "GET /__portal/live HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUpgrade: websocket\r\nSec-WebSocket-Key: k\r\n"
                + "Origin: http://127.0.0.1:8080\r\nConnection: Upgrade, close\r\n\r\n")
    }

    @Test func refusesToPassOnALongFieldThePreviewReads() {
        let text = "GET / HTTP/1.1\r\nHost: " + String(repeating: "h", count: 2000) + "\r\n\r\n"
        var head = RequestHead()
        #expect(head.append(Array(text.utf8)) == .complete(length: text.utf8.count))
        #expect(head.forwarded(length: text.utf8.count) == nil)
    }
}
