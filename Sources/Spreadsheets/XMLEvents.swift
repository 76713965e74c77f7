import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Walks an XML part of a workbook with Foundation's streaming parser (libxml2 underneath),
/// handing each element's local name (without a namespace prefix such as `x:`) to the caller.
/// A sheet of thousands of rows is never held as a tree.
final class XMLEvents: NSObject, XMLParserDelegate {
    private let start: (String, [String: String]) -> Void
    private let text: (String) -> Void
    private let end: (String) -> Void

    private init(
        start: @escaping (String, [String: String]) -> Void, text: @escaping (String) -> Void,
        end: @escaping (String) -> Void
    ) {
        self.start = start
        self.text = text
        self.end = end
    }

    /// Parses `bytes`; returns false when the XML is not well-formed.
    static func parse(
        _ bytes: [UInt8], start: @escaping (String, [String: String]) -> Void, text: @escaping (String) -> Void = { _ in },
        end: @escaping (String) -> Void = { _ in }
    ) -> Bool {
        let events = XMLEvents(start: start, text: text, end: end)
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.delegate = events
        return parser.parse()
    }

    private static func localName(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        start(Self.localName(elementName), attributes)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text(string)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        end(Self.localName(elementName))
    }
}
