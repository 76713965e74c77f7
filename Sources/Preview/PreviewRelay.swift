import FlyingFox
import FlyingSocks
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The preview's door on 127.0.0.1: it reads each request's head itself, within
/// `RequestHead`'s limits, answers one too long with 414 or 431 at once, and passes the rest
/// byte for byte to the preview's web server, which listens on a socket only this process knows.
///
/// Why a door of our own: FlyingFox reads request lines and headers without any limit, a byte at
/// a time into a growing line (two requests with 10 MB headers kept both cores busy for over a
/// minute), and its connection handling cannot be reached from outside to bound that. Swapping
/// the server for Hummingbird on SwiftNIO would bring limits, but also SwiftNIO's build into every
/// CI run and a rewrite of the live reload's WebSocket; this door leaves FlyingFox's handling of
/// requests and the WebSocket as it is and costs one copy of each byte, which on loopback for one
/// author's browser is nothing.
struct PreviewRelay: Sendable {
    private let listener: AsyncSocket
    private let server: sockaddr_un
    private let pool: any AsyncSocketPool

    /// The door on 127.0.0.1:`port` (0: any free port), passing requests to `server`. Throws as
    /// binding does when the port is taken.
    init(port: UInt16, server: sockaddr_un, pool: some AsyncSocketPool) throws {
        let socket = try Socket(domain: AF_INET, type: .stream)
        try socket.setValue(true, for: .localAddressReuse)
        try socket.bind(to: try sockaddr_in.inet(ip4: "127.0.0.1", port: port))
        try socket.listen()
        listener = try AsyncSocket(socket: socket, pool: pool)
        self.server = server
        self.pool = pool
    }

    /// The port it listens on.
    var port: UInt16 {
        if case .ip4(_, let port) = try? listener.socket.sockname() { return port }
        return 0
    }

    /// Takes connections until the task is cancelled, each on a task of its own, so that one
    /// slow or hostile request never holds up another.
    func run() async throws {
        defer { try? listener.close() }
        try await withThrowingDiscardingTaskGroup { group in
            for try await client in listener.sockets {
                group.addTask { await handle(client) }
            }
        }
    }

    private func handle(_ client: AsyncSocket) async {
        defer { try? client.close() }
        var head = RequestHead()
        var verdict = RequestHead.Verdict.incomplete
        // A head that never ends is given up after a while, so that idle connections do not pile up.
        let file = client.socket.file.rawValue
        let deadline = Task {
            try await Task.sleep(for: .seconds(30))
            shutdown(file, Int32(SHUT_RD))
        }
        defer { deadline.cancel() }
        do {
            while verdict == .incomplete { verdict = head.append(try await client.read(atMost: 16 * 1024)) }
        } catch {
            return
        }
        deadline.cancel()
        switch verdict {
        case .incomplete: return
        case .requestLineTooLong:
            await refuse(client, status: "414 URI Too Long", reason: "请求地址过长：超过 \(RequestHead.requestLineLimit / 1024) KiB")
        case .headersTooLarge:
            await refuse(
                client, status: "431 Request Header Fields Too Large",
                reason: "请求头过大：超过 \(RequestHead.headerLimit / 1024) KiB")
        case .complete(let length):
            guard let forwarded = head.forwarded(length: length) else {
                await refuse(
                    client, status: "431 Request Header Fields Too Large",
                    reason: "请求头字段过长：超过 \(RequestHead.forwardedFieldLimit) 字节")
                return
            }
            await pass(forwarded + head.bytes[length...], from: client)
        }
    }

    /// Answers `status` and closes, reading on for a moment what the client still sends: closing
    /// with unread bytes would reset the connection, and the client could lose the answer.
    private func refuse(_ client: AsyncSocket, status: String, reason: String) async {
        let body = Array((reason + "\n").utf8)
        var text = "HTTP/1.1 \(status)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: \(body.count)\r\n"
        text += "Connection: close\r\n"
        for (name, value) in PreviewGate.securityHeaders.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            text += "\(name.rawValue): \(value)\r\n"
        }
        guard (try? await client.write(Data(Array((text + "\r\n").utf8) + body))) != nil else { return }
        let file = client.socket.file.rawValue
        shutdown(file, Int32(SHUT_WR))
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                while let chunk = try? await client.read(atMost: 64 * 1024), !chunk.isEmpty {}
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(2))
                shutdown(file, Int32(SHUT_RD))
            }
            await group.next()
            group.cancelAll()
        }
    }

    /// Sends `head` (and what came after it) to the server, then relays both ways until the
    /// server closes, as it does after its answer, or after the WebSocket ends.
    private func pass(_ head: [UInt8], from client: AsyncSocket) async {
        guard let upstream = try? await AsyncSocket.connected(to: server, pool: pool) else { return }
        defer { try? upstream.close() }
        guard (try? await upstream.write(Data(head))) != nil else { return }
        let (clientFile, upstreamFile) = (client.socket.file.rawValue, upstream.socket.file.rawValue)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await Self.copy(from: client, to: upstream)
                // The client has sent all it will; the server still answers.
                shutdown(upstreamFile, Int32(SHUT_WR))
            }
            group.addTask {
                await Self.copy(from: upstream, to: client)
                // Wakes the other direction's read, so that both end before the sockets close.
                shutdown(clientFile, Int32(SHUT_RDWR))
                shutdown(upstreamFile, Int32(SHUT_RDWR))
            }
        }
    }

    private static func copy(from source: AsyncSocket, to target: AsyncSocket) async {
        while let chunk = try? await source.read(atMost: 64 * 1024), !chunk.isEmpty {
            guard (try? await target.write(Data(chunk))) != nil else { return }
        }
    }
}
