import Foundation

/// The head of one HTTP request (its request line and header fields) as its bytes arrive, read
/// no further than the preview's limits: each byte is looked at once, so a request is turned
/// away after at most a limit's worth of reading, whatever its size.
struct RequestHead {
    /// The longest request line answered: browsers send far shorter ones (nginx's default is 8 KiB
    /// too, `large_client_header_buffers`).
    static let requestLineLimit = 8 * 1024
    /// The most bytes of header fields after the request line answered.
    static let headerLimit = 32 * 1024

    enum Verdict: Equatable {
        /// No end of the head yet, and no limit passed.
        case incomplete
        /// The head is the first `length` bytes; what follows is the body or the next request.
        case complete(length: Int)
        /// The request line is longer than `requestLineLimit`: 414.
        case requestLineTooLong
        /// The header fields are longer than `headerLimit`: 431.
        case headersTooLarge
    }

    /// What has arrived so far.
    private(set) var bytes: [UInt8] = []
    private var scanned = 0
    private var lineStart = 0
    /// Where the header fields start, once the request line has ended.
    private var headerStart: Int?

    /// Adds `chunk` as it was read and tells how the head stands.
    mutating func append(_ chunk: [UInt8]) -> Verdict {
        bytes += chunk
        while scanned < bytes.count {
            let byte = bytes[scanned]
            scanned += 1
            guard let headerStart else {
                if byte == UInt8(ascii: "\n") {
                    let end = scanned > 1 && bytes[scanned - 2] == UInt8(ascii: "\r") ? scanned - 2 : scanned - 1
                    if end > Self.requestLineLimit { return .requestLineTooLong }
                    self.headerStart = scanned
                    lineStart = scanned
                } else if scanned > Self.requestLineLimit + 1 {
                    return .requestLineTooLong
                }
                continue
            }
            if scanned - headerStart > Self.headerLimit + 2 { return .headersTooLarge }
            guard byte == UInt8(ascii: "\n") else { continue }
            // An empty line, `\r\n` or a bare `\n` as the preview's server also takes, ends the head.
            let length = scanned - 1 - lineStart
            if length == 0 || (length == 1 && bytes[lineStart] == UInt8(ascii: "\r")) {
                return lineStart - headerStart > Self.headerLimit ? .headersTooLarge : .complete(length: scanned)
            }
            lineStart = scanned
        }
        return .incomplete
    }

    /// The header fields the preview reads (the gate, the WebSocket handshake) or needs to frame
    /// a body, by lowercased name; the rest (cookies, user agent and the like) is not passed on.
    static let forwardedFields: Set<String> = [
        "host", "origin", "upgrade", "sec-websocket-key", "sec-websocket-version", "sec-websocket-extensions",
        "sec-websocket-protocol", "content-length", "transfer-encoding",
    ]
    /// The longest of those passed on: real ones are far shorter. The server behind reads a line
    /// in time that grows with the square of its length (0.6 s for 30 KB in a release build), so
    /// what reaches it is kept short.
    static let forwardedFieldLimit = 1024

    /// The head as it is passed on, or nil when a field passed on is longer than
    /// `forwardedFieldLimit` (431): the request line, the fields the preview reads, and asking
    /// the server to close the connection after its answer (the `Connection` tokens are kept,
    /// with `close` added), so that every request on a connection comes through the limits.
    func forwarded(length: Int) -> [UInt8]? {
        // Split as bytes: in a Swift string `\r\n` is one character, not a `\r` and a `\n`.
        var lines = bytes[..<length].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            String(decoding: $0.last == UInt8(ascii: "\r") ? $0.dropLast() : $0, as: UTF8.self)
        }
        // The head ends with an empty line, which split leaves as two empty strings at the end.
        while lines.last == "" { lines.removeLast() }
        guard !lines.isEmpty else { return nil }
        var tokens: [String] = []
        var kept = [lines.removeFirst()]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            if name == "connection" {
                tokens += line[line.index(after: colon)...].split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
            } else if Self.forwardedFields.contains(name) {
                guard line.utf8.count <= Self.forwardedFieldLimit else { return nil }
                kept.append(line)
            }
        }
        let connection = tokens.filter { $0.lowercased() != "keep-alive" && !$0.isEmpty }.prefix(8) + ["close"]
        kept.append("Connection: " + connection.joined(separator: ", "))
        return Array((kept.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }
}
