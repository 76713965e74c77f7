import Core
import Testing

@Suite struct SHA256HashTests {
    /// FIPS 180-2 examples, a Chinese text checked against `sha256sum`, and lengths around the
    /// padding boundary (55 bytes fit one block, 56 spill into a second).
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        ("正文\n", "2373f217b111245d33d920bd1e0e7788174034fdee84050c0c34c7f9cb0a0bf4"),
        (String(repeating: "a", count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (String(repeating: "a", count: 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    ])
    func hashesKnownMessages(message: String, expected: String) {
        #expect(SHA256Hash.hex(of: message.utf8) == expected)
    }

    @Test func hashesAMillionLetters() {
        #expect(
            SHA256Hash.hex(of: [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func recognisesOnlyLowercaseHexOfFullLength() {
        #expect(SHA256Hash.isHex(String(repeating: "0a", count: 32)))
        #expect(!SHA256Hash.isHex(String(repeating: "0A", count: 32)))
        #expect(!SHA256Hash.isHex("abc"))
    }
}
