/// Which characters count as Chinese, Japanese or Korean for the emphasis fix and for joining
/// lines in plain text.
///
/// The blocks follow the "CJK character" of the CJK-friendly emphasis proposal (East Asian Width
/// W, F or H, and Hangul) closely enough for the portal: Han with its extensions, kana,
/// bopomofo, hangul, CJK symbols and the full-width forms. Emoji are left out on purpose: they
/// are wide but not writing.
enum CJKCharacter {
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value >= 0x1100 else { return false }
        switch value {
        case 0x1100...0x11FF,  // Hangul Jamo
            0x2E80...0x2FFF,  // CJK and Kangxi radicals, ideographic description characters
            0x3000...0x4DBF,  // CJK symbols and punctuation, kana, bopomofo, compatibility, Ext. A
            0x4E00...0x9FFF,  // CJK Unified Ideographs
            0xA000...0xA4CF,  // Yi
            0xA960...0xA97F,  // Hangul Jamo Extended-A
            0xAC00...0xD7FF,  // Hangul syllables, Jamo Extended-B
            0xF900...0xFAFF,  // CJK Compatibility Ideographs
            0xFE10...0xFE1F,  // vertical forms
            0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
            0xFF00...0xFFEF,  // half-width and full-width forms
            0x1B000...0x1B16F,  // kana supplement and extensions
            0x20000...0x3FFFF:  // CJK Unified Ideographs Extension B and later
            return true
        default:
            return false
        }
    }

    /// U+FE00–FE0F and U+E0100–E01EF, which pick a glyph of the character before them (names
    /// such as 葛󠄀 use them); they do not change what the character is.
    static func isVariationSelector(_ scalar: Unicode.Scalar) -> Bool {
        (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value)
    }

    /// Punctuation Chinese text uses: the CJK blocks, and the quotation marks, dashes and dots
    /// that Chinese shares with Western text (“”‘’ —— …… ·). The shared ones are "ambiguous
    /// width" in Unicode, but in this portal's Chinese text they are Chinese punctuation, and
    /// `推进**“六有”**` must work.
    static func isCJKPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00B7, 0x2014, 0x2015, 0x2018...0x201F, 0x2025...0x2027, 0x2E3A, 0x2E3B:
            return true
        default:
            return isCJK(scalar)
        }
    }

    /// Whether a line break between two characters is dropped rather than read as a space:
    /// CSS Text 3 removes a segment break between two East Asian wide characters (Hangul
    /// excepted, as Korean separates words with spaces); Chinese quotation marks count as wide
    /// for the same reason as in `isCJKPunctuation`.
    static func joinsWithoutSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if (0x1100...0x11FF).contains(value) || (0x3130...0x318F).contains(value)
            || (0xA960...0xA97F).contains(value) || (0xAC00...0xD7FF).contains(value)
        {
            return false
        }
        return isCJKPunctuation(scalar)
    }
}
