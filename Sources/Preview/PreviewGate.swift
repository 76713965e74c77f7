import FlyingFox

/// Whom the preview answers: the author's own browser, at the address the preview printed. A
/// page of another site the author visits can reach `127.0.0.1` too, by a name of its own that
/// resolves there (DNS rebinding), or by a script that opens the WebSocket: both are told apart
/// by the `Host` and `Origin` headers the browser sends, which such a page cannot set.
enum PreviewGate {
    /// Why a request is refused, or nil when it is the author's: `Host` must be
    /// `127.0.0.1:PORT` or `localhost:PORT`, and an `Origin`, when there is one, the same
    /// address over `http`.
    static func refusal(host: String?, origin: String?, port: UInt16) -> String? {
        let allowed = ["127.0.0.1:\(port)", "localhost:\(port)"]
        guard let host, allowed.contains(host.lowercased()) else { return "只回答本机地址 127.0.0.1:\(port) 的请求" }
        if let origin, !allowed.map({ "http://" + $0 }).contains(origin.lowercased()) {
            return "不接受其他网站（\(origin)）发起的请求"
        }
        return nil
    }

    /// The headers of every answer: no other site may frame the preview, and its pages load
    /// nothing from elsewhere.
    static let securityHeaders: [HTTPHeader: String] = [
        HTTPHeader("X-Frame-Options"): "DENY",
        HTTPHeader("Content-Security-Policy"):
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        HTTPHeader("X-Content-Type-Options"): "nosniff",
    ]

    /// `headers` with the security headers, and the close that `PreviewRelay` asks for on
    /// every connection told to the browser.
    static func headers(_ headers: [HTTPHeader: String]) -> HTTPHeaders {
        HTTPHeaders(headers.merging(securityHeaders.merging([.connection: "close"]) { own, _ in own }) { own, _ in own })
    }
}
