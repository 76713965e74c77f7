import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Lookups by local name (`p` for `w:p`), as the parts of a document are read: Word, WPS and
/// LibreOffice all use the usual prefixes, but only the local names are relied on for elements.
extension XMLElement {
    var elementChildren: [XMLElement] {
        (children ?? []).compactMap { $0 as? XMLElement }
    }

    var local: String {
        localName ?? name ?? ""
    }

    func child(_ local: String) -> XMLElement? {
        elementChildren.first { $0.local == local }
    }

    func children(_ local: String) -> [XMLElement] {
        elementChildren.filter { $0.local == local }
    }

    /// The first element below this one with the local name, depth first.
    func descendant(_ local: String) -> XMLElement? {
        for element in elementChildren {
            if element.local == local { return element }
            if let found = element.descendant(local) { return found }
        }
        return nil
    }

    func descendants(_ local: String) -> [XMLElement] {
        var found: [XMLElement] = []
        for element in elementChildren {
            if element.local == local { found.append(element) }
            found.append(contentsOf: element.descendants(local))
        }
        return found
    }

    /// The attribute by its qualified name (`w:val`), or else by its local name (`val`).
    func value(_ qualified: String) -> String? {
        let attributes = self.attributes ?? []
        if let exact = attributes.first(where: { $0.name == qualified }) { return exact.stringValue }
        let local = qualified.split(separator: ":").last.map(String.init) ?? qualified
        return attributes.first { $0.localName == local && !($0.name ?? "").hasPrefix("xmlns") }?.stringValue
    }

    /// An on/off property such as `<w:b/>` or `<w:b w:val="0"/>`.
    var isOn: Bool {
        guard let value = value("w:val") else { return true }
        return !["0", "false", "off", "none"].contains(value)
    }

    /// The text of every `w:t`, `w:delText` and `m:t` below, in order.
    var wordText: String {
        var text = ""
        for element in elementChildren {
            switch element.local {
            case "t", "delText": text += element.stringValue ?? ""
            case "tab", "br", "cr": text += " "
            case "instrText", "Fallback": continue
            default: text += element.wordText
            }
        }
        return text
    }
}
