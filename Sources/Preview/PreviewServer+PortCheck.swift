import FlyingSocks
import Foundation

extension PreviewServer {
    /// Throws what `run` would throw if `port` on 127.0.0.1 is taken, by binding it for a moment
    /// as the server does (address reuse on). `portal serve` asks before its first build, which
    /// takes long on a big portal, so that a busy port is reported at once. Port 0 is always
    /// free.
    public static func checkPortIsFree(_ port: UInt16) throws {
        guard port != 0 else { return }
        let socket = try Socket(domain: AF_INET, type: .stream)
        defer { try? socket.close() }
        try socket.setValue(true, for: .localAddressReuse)
        try socket.bind(to: try sockaddr_in.inet(ip4: "127.0.0.1", port: port))
    }
}
