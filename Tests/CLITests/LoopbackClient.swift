import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A plain HTTP/1.1 and WebSocket client over one TCP connection to 127.0.0.1, written out so
/// the preview is tested as a browser talks to it, with no proxy settings in between. Every
/// read gives up after 20 seconds, so a broken server fails a test rather than hanging it.
final class LoopbackClient {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    private let descriptor: Int32
    private var buffer: [UInt8] = []

    init(port: UInt16) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ClientError.failed("socket") }
        var limit = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw ClientError.failed("connect")
        }
    }

    deinit { close(descriptor) }

    enum ClientError: Error {
        case failed(String)
    }

    /// One GET, on a connection of its own.
    static func get(_ path: String, port: UInt16) throws -> Response {
        try send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n", port: port)
    }

    /// `request` as it is, on a connection of its own, and the answer.
    static func send(_ request: String, port: UInt16) throws -> Response {
        let client = try LoopbackClient(port: port)
        try client.send(request)
        let (status, headers) = try client.readHead()
        var body = client.buffer
        while let more = try? client.receive(), !more.isEmpty { body += more }
        if let length = headers["content-length"].flatMap(Int.init) { body = Array(body.prefix(length)) }
        return Response(status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
    }

    /// Opens a WebSocket at `path`; messages then come from `nextText()`.
    static func webSocket(_ path: String, port: UInt16) throws -> LoopbackClient {
        let client = try LoopbackClient(port: port)
        try client.send(
            "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        let (status, headers) = try client.readHead()
        guard status == 101, headers["sec-websocket-accept"] == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=" else {
            throw ClientError.failed("handshake \(status)")
        }
        return client
    }

    /// The next text message of the WebSocket, as JSON.
    func nextMessage() throws -> [String: Any] {
        while true {
            let head = try take(2)
            var length = Int(head[1] & 0x7F)
            if length == 126 { length = try take(2).reduce(0) { $0 << 8 | Int($1) } }
            if length == 127 { length = try take(8).reduce(0) { $0 << 8 | Int($1) } }
            let payload = try take(length)
            switch head[0] & 0x0F {
            case 1:
                let object = try JSONSerialization.jsonObject(with: Data(payload))
                guard let message = object as? [String: Any] else { throw ClientError.failed("not an object") }
                return message
            case 8: throw ClientError.failed("closed")
            default: continue
            }
        }
    }

    /// Sends all of `text`; a server that closes before the end (as it may for an oversized
    /// request) ends the sending, not the test process (no SIGPIPE), and its answer is then read.
    private func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent < 0, errno == EPIPE || errno == ECONNRESET { return }
            guard sent > 0 else { throw ClientError.failed("send") }
            offset += sent
        }
    }

    private func receive() throws -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count >= 0 else { throw ClientError.failed("receive") }
        return Array(chunk[..<count])
    }

    private func take(_ count: Int) throws -> [UInt8] {
        while buffer.count < count {
            let more = try receive()
            if more.isEmpty { throw ClientError.failed("connection closed") }
            buffer += more
        }
        defer { buffer.removeFirst(count) }
        return Array(buffer[..<count])
    }

    /// The status line and headers; what follows stays in the buffer.
    private func readHead() throws -> (Int, [String: String]) {
        let end = Array("\r\n\r\n".utf8)
        while true {
            if let range = buffer.firstRange(of: end) {
                let head = String(decoding: buffer[..<range.lowerBound], as: UTF8.self)
                buffer.removeFirst(range.upperBound)
                var lines = head.components(separatedBy: "\r\n")
                let status = Int(lines.removeFirst().split(separator: " ").dropFirst().first ?? "") ?? 0
                var headers: [String: String] = [:]
                for line in lines {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                return (status, headers)
            }
            let more = try receive()
            if more.isEmpty { throw ClientError.failed("no response") }
            buffer += more
        }
    }
}
