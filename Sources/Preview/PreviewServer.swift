import Core
import FlyingFox
import FlyingSocks
import Foundation

/// The preview's web server, on 127.0.0.1 only: the pages of the preview folder with the
/// preview script added, the script, and the WebSocket that tells pages of each build.
public struct PreviewServer: Sendable {
    public let site: PreviewSite
    public let port: UInt16

    /// A server for `site` on `port`; port 0 takes any free port (`listeningPort` tells which).
    public init(site: PreviewSite, port: UInt16) {
        self.site = site
        self.port = port
    }

    /// Serves until the task is cancelled; `listening` is called with the port once the server
    /// takes requests. Throws when the server cannot start (`isAddressInUse` tells the common
    /// reason).
    public func run(listening: @escaping @Sendable (UInt16) async -> Void) async throws {
        // The web server listens on a socket of this process's own (an abstract Unix socket, no
        // file to leave behind); browsers reach it only through the relay's limits.
        let address = sockaddr_un.unix(abstractNamespace: "portal-preview-\(getpid())-\(UUID().uuidString)")
        let pool = HTTPServer.defaultPool()
        try await pool.prepare()
        let relay = try PreviewRelay(port: port, server: address, pool: pool)
        let server = await makeServer(at: address, answering: relay.port)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask { try await pool.run() }
            group.addTask {
                try await server.waitUntilListening(timeout: 10)
                try await relay.run()
            }
            // `listening` may go on for as long as the preview runs (it rebuilds on every save).
            group.addTask {
                try await server.waitUntilListening(timeout: 10)
                await listening(relay.port)
            }
            do {
                while try await group.next() != nil {}
            } catch {
                group.cancelAll()
                throw error
            }
        }
    }

    /// Whether `error` from `run` means another program has the port.
    public static func isAddressInUse(_ error: any Error) -> Bool {
        if case SocketError.failed(_, let number, _) = error { return number == EADDRINUSE }
        return false
    }

    /// The web server at `address`, answering requests made to 127.0.0.1:`port`.
    private func makeServer(at address: sockaddr_un, answering port: UInt16) async -> HTTPServer {
        let server = HTTPServer(address: address, timeout: 30, logger: .disabled)
        // First, for every request and the WebSocket too: a request that is not the author's is
        // refused; the author's goes on to the routes below.
        await server.appendRoute("*") { request in
            guard
                let refusal = PreviewGate.refusal(
                    host: request.headers[.host], origin: request.headers[HTTPHeader("Origin")], port: port)
            else { throw HTTPUnhandledError() }
            return HTTPResponse(
                statusCode: .forbidden,
                headers: PreviewGate.headers([.contentType: "text/plain; charset=utf-8"]),
                body: Data(refusal.utf8))
        }
        await server.appendRoute(
            HTTPRoute("GET \(PreviewScript.socketPath)"), to: WebSocketHTTPHandler.webSocket(LiveSocket(site: site)))
        let site = self.site
        await server.appendRoute("*") { request in await Self.respond(to: request, site: site) }
        return server
    }

    static func respond(to request: HTTPRequest, site: PreviewSite) async -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: PreviewGate.headers([HTTPHeader("Allow"): "GET, HEAD"]))
        }
        // The path as sent, decoded: `request.path` drops the trailing slash that tells a folder.
        let path = request.target.path(percentEncoded: false)
        if path == PreviewScript.scriptPath {
            return answer(Array(PreviewScript.source.utf8), type: PreviewFiles.contentType(of: "preview.js"))
        }
        let (generation, problems) = await (site.generation, site.problems)
        guard generation > 0 else {
            return answer(
                PreviewScript.problemsPage(problems), type: PreviewFiles.contentType(of: "a.html"), status: .internalServerError)
        }
        var status = HTTPStatusCode.ok
        let file: String
        switch PreviewFiles.answer(for: path, in: site.output) {
        case .file(let path): file = path
        case .redirect(let path):
            return HTTPResponse(
                statusCode: .movedPermanently,
                headers: PreviewGate.headers([.location: path, .cacheControl: "no-store"]))
        case .notFound:
            file = "404.html"
            status = .notFound
        }
        guard let data = FileManager.default.contents(atPath: site.output.path + "/" + file) else {
            return HTTPResponse(
                statusCode: .notFound, headers: PreviewGate.headers([.contentType: "text/plain; charset=utf-8"]),
                body: Data("未找到".utf8))
        }
        var bytes = [UInt8](data)
        if file.hasSuffix(".html") { bytes = PreviewScript.injected(into: bytes, generation: generation) }
        return answer(bytes, type: PreviewFiles.contentType(of: file), status: status)
    }

    private static func answer(_ bytes: [UInt8], type: String, status: HTTPStatusCode = .ok) -> HTTPResponse {
        HTTPResponse(
            statusCode: status,
            headers: PreviewGate.headers([.contentType: type, .cacheControl: "no-store"]),
            body: Data(bytes))
    }
}

/// One page's WebSocket: the state when it connects, then a message for each build.
struct LiveSocket: WSMessageHandler {
    let site: PreviewSite

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let events = await site.events()
        return AsyncStream { continuation in
            let sender = Task {
                for await event in events { continuation.yield(.text(PreviewScript.message(for: event))) }
                continuation.finish()
            }
            let listener = Task {
                for await _ in client {}
                sender.cancel()
            }
            continuation.onTermination = { _ in
                sender.cancel()
                listener.cancel()
            }
        }
    }
}
