import Testing

@testable import Preview

/// The preview answers its author's browser only: the address it printed, and pages of that
/// address.
@Suite struct PreviewGateTests {
    @Test(
        arguments: [
            ("127.0.0.1:8080", nil), ("localhost:8080", nil), ("LOCALHOST:8080", "http://localhost:8080"),
            ("127.0.0.1:8080", "http://127.0.0.1:8080"),
        ] as [(String, String?)])
    func answersTheAddressItPrinted(_ host: String, _ origin: String?) {
        #expect(PreviewGate.refusal(host: host, origin: origin, port: 8080) == nil)
    }

    @Test(
        arguments: [
            ("evil.example:8080", nil), ("127.0.0.1:9090", nil), ("127.0.0.1", nil), ("0.0.0.0:8080", nil),
            ("127.0.0.1:8080", "http://evil.example"), ("127.0.0.1:8080", "https://127.0.0.1:8080"),
            ("127.0.0.1:8080", "null"),
        ] as [(String, String?)])
    func refusesOtherNamesPortsAndOrigins(_ host: String, _ origin: String?) {
        #expect(PreviewGate.refusal(host: host, origin: origin, port: 8080) != nil)
    }

    @Test func refusesARequestWithoutAHost() {
        #expect(PreviewGate.refusal(host: nil, origin: nil, port: 8080) != nil)
    }
}
