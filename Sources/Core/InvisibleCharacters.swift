/// Characters that show nothing but change what a text is: zero-width spaces and joiners,
/// direction marks and overrides (which can make a text read differently from what it is), the
/// byte-order mark and soft hyphen. In ids and slugs they make two values that look alike differ.
public enum InvisibleCharacters {
    /// The first such character, written as `U+200B`, if there is one.
    public static func first(in text: String) -> String? {
        for scalar in text.unicodeScalars where isInvisible(scalar) {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return nil
    }

    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x061C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF:
            return true
        default:
            return false
        }
    }
}
