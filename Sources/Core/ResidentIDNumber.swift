/// Mainland resident ID numbers (GB 11643): 17 digits, the last 8 of them a birth date, and a
/// check character computed MOD 11-2 (`0`–`9` or `X`).
public enum ResidentIDNumber {
    public static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    public static let checkCharacters = Array("10X98765432".utf8)

    /// Whether `text` is an ID number as written in a register: 18 characters whose check
    /// character matches, with a birth date that exists; a lowercase `x` is taken as `X`.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.uppercased().utf8)
        guard bytes.count == 18, bytes[..<17].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        var sum = 0
        for position in 0..<17 { sum += Int(bytes[position] - 0x30) * weights[position] }
        guard bytes[17] == checkCharacters[sum % 11] else { return false }
        func number(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        return Day(year: number(6..<10), month: number(10..<12), day: number(12..<14)) != nil
    }
}
