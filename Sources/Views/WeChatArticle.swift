import Core
import Foundation
import Model
import Mustache

/// A case as a WeChat official account (公众号) article: HTML whose look is carried by inline
/// styles alone, because the account's editor drops stylesheets, classes and scripts when it is
/// pasted in. It is made from the body the site renders, element by element, from a fixed set:
/// headings, paragraphs, emphasis, lists, quotes, tables, figures with captions and pictures.
/// Links become numbered notes with their address at the end (articles cannot link out), and
/// charts, drawn as SVG, which the editor cannot keep, become a line asking for a screenshot.
public struct WeChatArticle: Sendable {
    /// A picture of the article, which the editor may need uploaded by hand.
    public struct Picture: Sendable, Hashable {
        /// Where it is on the portal's canonical address.
        public var address: String
        public var description: String
    }

    /// The note for the person pasting (what to copy, the summary, the pictures to upload),
    /// and the article itself; `templates/wechat.mustache` puts them in one document.
    public var guide: SafeHTML
    public var article: SafeHTML
    public var pictures: [Picture]
    /// Charts (numbered in order) to be pasted as screenshots.
    public var charts: [String]

    /// `pageAddress` is the absolute address of the case page, against which the body's
    /// relative links are resolved; `mediaBase` is what pictures' addresses are resolved
    /// against: the canonical page for a file sent anywhere, or nil for the file beside the
    /// site, which sits as deep as the case page and keeps its relative addresses.
    public init(_ caseStudy: CaseStudy, config: PortalConfig, pageAddress: String, mediaBase: String?) {
        var styler = InlineStyler(pageAddress: pageAddress, mediaBase: mediaBase)
        styler.convert(caseStudy.body.html)
        pictures = styler.pictures
        charts = styler.charts
        let meta = [caseStudy.district.name, caseStudy.category.name, caseStudy.date.chinese, caseStudy.author]
            .filter { !$0.isEmpty }.joined(separator: " · ")
        var article = "<section style=\"\(Style.article)\">\n"
        article += "<h1 style=\"\(Style.title)\">\(Self.escape(caseStudy.title))</h1>\n"
        article += "<p style=\"\(Style.meta)\">\(Self.escape(meta))</p>\n"
        article += styler.output
        if !styler.notes.isEmpty {
            article += "<p style=\"\(Style.notesHeading)\">注释</p>\n<section style=\"\(Style.notes)\">\n"
            for (number, note) in styler.notes.enumerated() {
                article +=
                    "<p style=\"\(Style.note)\">[\(number + 1)] \(Self.escape(note.text))：\(Self.escape(note.address))</p>\n"
            }
            article += "</section>\n"
        }
        article +=
            "<p style=\"\(Style.source)\">来源：\(Self.escape(config.title))（\(Self.escape(config.publisher))）<br>原文：\(Self.escape(pageAddress))</p>\n"
        article += "</section>\n"

        var note = "<aside style=\"\(Style.guide)\">\n<p style=\"margin:0 0 8px;font-weight:bold;\">复制到公众号</p>\n"
        note += "<p style=\"margin:0 0 8px;\">用鼠标从下面的标题选到“来源”一行，复制，粘贴到公众号编辑器的正文中。样式都写在文字上，粘贴后保留。这段说明不要复制。</p>\n"
        if !caseStudy.summary.isEmpty {
            note += "<p style=\"margin:0 0 8px;\">摘要（填到编辑器的“摘要”栏）：\(Self.escape(caseStudy.summary))</p>\n"
        }
        if !pictures.isEmpty {
            note += "<p style=\"margin:0 0 4px;\">编辑器没有自动取到图片时，把这些图片下载后逐张上传到原位置：</p>\n<ol style=\"margin:0;padding-left:2em;\">\n"
            for picture in pictures {
                note += "<li>\(Self.escape(picture.address))（\(Self.escape(picture.description))）</li>\n"
            }
            note += "</ol>\n"
        }
        for chart in charts {
            note += "<p style=\"margin:8px 0 0;\">\(Self.escape(chart))不能粘贴：在网站页面上截图，作为图片上传到文中标出的位置。</p>\n"
        }
        note += "</aside>\n"
        self.guide = SafeHTML(note)
        self.article = SafeHTML(article)
    }

    /// What a reader of the article reads: its text without tags, entities decoded, for the
    /// privacy check.
    public static func readableText(_ html: String) -> String {
        var tokens = HTMLTokens(html)
        var text = ""
        while let token = tokens.next() {
            if case .text(let piece) = token { text += HTMLTokens.unescaped(piece) }
        }
        return text
    }

    static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        HTMLEscaping.append(escaping: text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The styles, in the colours of the portal: the party red for titles and emphasis.
    enum Style {
        static let article = "font-size:16px;line-height:1.8;color:#333333;letter-spacing:0.5px;word-wrap:break-word;"
        static let title = "font-size:22px;line-height:1.4;font-weight:bold;color:#b71c1c;text-align:center;margin:0 0 8px;"
        static let meta = "font-size:14px;color:#6e6e6e;text-align:center;margin:0 0 16px;"
        static let notesHeading = "font-size:15px;font-weight:bold;color:#555555;margin:24px 0 4px;"
        static let notes = "font-size:13px;color:#6e6e6e;word-break:break-all;"
        static let note = "margin:0 0 4px;"
        static let source = "font-size:13px;color:#6e6e6e;margin:24px 0 0;word-break:break-all;"
        static let guide =
            "font-size:14px;line-height:1.6;color:#5c4a00;background:#fff8dc;border:1px solid #e6d38a;padding:12px;"

        static func of(_ element: String, align: String? = nil) -> String? {
            let aligned = align.map { "text-align:\($0);" } ?? ""
            switch element {
            case "h2":
                return
                    "font-size:18px;line-height:1.5;font-weight:bold;color:#b71c1c;border-left:4px solid #b71c1c;padding-left:10px;margin:28px 0 12px;"
            case "h3": return "font-size:17px;line-height:1.5;font-weight:bold;color:#333333;margin:22px 0 10px;"
            case "h4", "h5", "h6": return "font-size:16px;font-weight:bold;color:#333333;margin:18px 0 8px;"
            case "p": return "margin:0 0 16px;text-align:justify;"
            case "strong": return "font-weight:bold;color:#b71c1c;"
            case "em": return "font-style:normal;font-weight:bold;color:#333333;"
            case "del": return "text-decoration:line-through;color:#767676;"
            case "ul": return "margin:0 0 16px;padding-left:2em;list-style-type:disc;"
            case "ol": return "margin:0 0 16px;padding-left:2em;list-style-type:decimal;"
            case "li": return "margin:0 0 6px;"
            case "blockquote":
                return "margin:0 0 16px;padding:10px 14px;background:#f7f7f7;border-left:4px solid #d9a3a3;color:#555555;"
            case "table": return "border-collapse:collapse;width:100%;margin:0 0 16px;font-size:14px;line-height:1.6;"
            case "th": return "border:1px solid #dddddd;background:#f6e3e3;padding:6px 8px;font-weight:bold;" + aligned
            case "td": return "border:1px solid #dddddd;padding:6px 8px;" + aligned
            case "thead", "tbody", "tr": return nil
            case "figure": return "margin:0 0 16px;text-align:center;"
            case "caption": return "font-size:14px;font-weight:bold;color:#555555;text-align:center;padding:0 0 6px;"
            case "figcaption": return "font-size:14px;color:#6e6e6e;text-align:center;margin:6px 0 0;"
            case "img": return "max-width:100%;height:auto;display:block;margin:0 auto;"
            case "code": return "font-family:Menlo,Consolas,monospace;font-size:14px;background:#f5f5f5;padding:1px 4px;"
            case "pre":
                return
                    "font-family:Menlo,Consolas,monospace;font-size:13px;background:#f5f5f5;padding:10px;overflow-x:auto;white-space:pre-wrap;margin:0 0 16px;"
            case "hr": return "border:none;border-top:1px solid #dddddd;margin:24px 0;"
            case "section": return "overflow-x:auto;margin:0 0 16px;"
            default: return nil
            }
        }
    }
}

/// Rewrites the site's body HTML, which the portal's renderer writes and so knows in full, into
/// the article's: known elements with inline styles and no attribute but `src`, `alt` and
/// `style`; anything else is dropped with its tags, its text kept.
struct InlineStyler {
    struct Note {
        var text: String
        var address: String
    }

    let pageAddress: String
    let mediaBase: String?
    var output = ""
    var pictures: [WeChatArticle.Picture] = []
    var charts: [String] = []
    var notes: [Note] = []

    /// The elements kept, with the name they are written under.
    static let kept: [String: String] = [
        "h1": "h2", "h2": "h2", "h3": "h3", "h4": "h4", "h5": "h5", "h6": "h6", "p": "p", "strong": "strong",
        "b": "strong", "em": "em", "i": "em", "del": "del", "s": "del", "ul": "ul", "ol": "ol", "li": "li",
        "blockquote": "blockquote", "table": "table", "thead": "thead", "tbody": "tbody", "tr": "tr", "th": "th",
        "td": "td", "figure": "figure", "figcaption": "figcaption", "caption": "caption", "code": "code", "pre": "pre",
        "br": "br", "hr": "hr",
    ]

    init(pageAddress: String, mediaBase: String?) {
        self.pageAddress = pageAddress
        self.mediaBase = mediaBase
    }

    mutating func convert(_ html: String) {
        var tokens = HTMLTokens(html)
        // The link being written (its text collected for the note), and how deep inside an
        // element whose content is dropped (an SVG chart) the walk is.
        var link: (address: String?, text: String)?
        var skipping: (name: String, depth: Int)?
        while let token = tokens.next() {
            if var skip = skipping {
                if case .start(let name, _, let closed) = token, name == skip.name, !closed { skip.depth += 1 }
                if case .end(let name) = token, name == skip.name { skip.depth -= 1 }
                skipping = skip.depth == 0 ? nil : skip
                continue
            }
            switch token {
            case .text(let text):
                output += text
                if link != nil { link?.text += HTMLTokens.unescaped(text) }
            case .start(let name, let attributes, let closed):
                if name == "svg" || (name == "figure" && attributes["class"]?.contains("chart") == true) {
                    if !closed { skipping = (name, 1) }
                    charts.append("图表 \(charts.count + 1)")
                    output +=
                        "<p style=\"font-size:14px;color:#b71c1c;text-align:center;margin:0 0 16px;\">（此处是图表 \(charts.count)：在网站页面上截图后作为图片上传，数据见下表）</p>"
                    continue
                }
                if name == "a" {
                    link = (attributes["href"].flatMap(noteAddress), "")
                    continue
                }
                if name == "img" {
                    picture(attributes)
                    continue
                }
                if name == "input", attributes["type"] == "checkbox" {
                    output += attributes["checked"] != nil ? "☑ " : "☐ "
                    continue
                }
                if name == "div", attributes["class"]?.contains("table-wrap") == true {
                    output += "<section style=\"\(WeChatArticle.Style.of("section") ?? "")\">"
                    tokens.pushEnd(for: "div", as: "section")
                    continue
                }
                guard let kept = Self.kept[name] else { continue }
                let align = attributes["class"].flatMap(Self.alignment)
                output += "<\(kept)"
                if let style = WeChatArticle.Style.of(kept, align: align) { output += " style=\"\(style)\"" }
                output += ">"
            case .end(let name):
                if name == "a", let current = link {
                    link = nil
                    if let address = current.address {
                        notes.append(Note(text: current.text, address: address))
                        output += "<sup style=\"font-size:12px;color:#6e6e6e;\">[\(notes.count)]</sup>"
                    }
                    continue
                }
                if let renamed = tokens.popEnd(for: name) {
                    output += "</\(renamed)>"
                    continue
                }
                guard let kept = Self.kept[name], kept != "br", kept != "hr" else { continue }
                output += "</\(kept)>"
            }
        }
    }

    /// A link's address for the notes: absolute, and none for a link to a place in the page.
    func noteAddress(_ href: String) -> String? {
        if href.hasPrefix("#") { return nil }
        return URLResolution.resolve(HTMLTokens.unescaped(href), against: pageAddress)
    }

    /// A picture at the largest width the site made of it, for the article to be sharp on a
    /// phone's screen; its description stays.
    mutating func picture(_ attributes: [String: String]) {
        let candidates = (attributes["srcset"] ?? "").split(separator: ",").compactMap {
            $0.split(separator: " ").first.map(String.init)
        }
        guard let source = candidates.last ?? attributes["src"] else { return }
        let relative = HTMLTokens.unescaped(source)
        let address = mediaBase.map { URLResolution.resolve(relative, against: $0) } ?? relative
        let description = HTMLTokens.unescaped(attributes["alt"] ?? "")
        // Listed by its address on the portal, which the body's page and this file share.
        let listed = URLResolution.resolve(relative, against: pageAddress)
        pictures.append(WeChatArticle.Picture(address: listed, description: description))
        output +=
            "<img src=\"\(WeChatArticle.escape(address))\" alt=\"\(WeChatArticle.escape(description))\" style=\"\(WeChatArticle.Style.of("img") ?? "")\">"
    }

    static func alignment(_ classes: String) -> String? {
        for name in classes.split(separator: " ") {
            if name == "number" { return "right" }
            guard name.hasPrefix("align-") else { continue }
            return String(name.dropFirst("align-".count))
        }
        return nil
    }
}

/// The tokens of HTML the portal wrote itself: tags with double-quoted attributes, text with
/// the five entities of its escaping. Not a parser for HTML from elsewhere.
struct HTMLTokens {
    enum Token: Equatable {
        case text(String)
        case start(String, [String: String], closed: Bool)
        case end(String)
    }

    private let html: String
    private var position: String.Index
    /// End tags to be written under another name (a table's wrapper `div` as a `section`),
    /// matched by depth.
    private var renamed: [(name: String, as: String, depth: Int)] = []
    private var depths: [String: Int] = [:]

    init(_ html: String) {
        self.html = html
        position = html.startIndex
    }

    mutating func pushEnd(for name: String, as replacement: String) {
        // The start tag is counted already; its end is matched once it is uncounted.
        renamed.append((name, replacement, depths[name, default: 0] - 1))
    }

    mutating func popEnd(for name: String) -> String? {
        guard let last = renamed.last, last.name == name, last.depth == depths[name, default: 0] else { return nil }
        renamed.removeLast()
        return last.as
    }

    mutating func next() -> Token? {
        // Searched in UTF-8: `<` and `>` are ASCII, and walking the Chinese text character by
        // character was most of the time an article took.
        let utf8 = html.utf8
        guard position < html.endIndex else { return nil }
        guard utf8[position] == UInt8(ascii: "<") else {
            let end = utf8[position...].firstIndex(of: UInt8(ascii: "<")) ?? html.endIndex
            defer { position = end }
            return .text(String(html[position..<end]))
        }
        guard let close = utf8[position...].firstIndex(of: UInt8(ascii: ">")) else {
            defer { position = html.endIndex }
            return .text(String(html[position...]).replacingOccurrences(of: "<", with: "&lt;"))
        }
        let inside = html[html.index(after: position)..<close]
        position = html.index(after: close)
        if inside.hasPrefix("/") {
            let name = inside.dropFirst().filter { $0 != " " }.lowercased()
            depths[name, default: 0] -= 1
            return .end(name)
        }
        if inside.hasPrefix("!") || inside.hasPrefix("?") { return .text("") }
        let closed = inside.hasSuffix("/")
        let body = closed ? inside.dropLast() : inside
        let nameEnd = body.firstIndex { $0 == " " || $0 == "\n" || $0 == "\t" } ?? body.endIndex
        let name = body[..<nameEnd].lowercased()
        var attributes: [String: String] = [:]
        var rest = body[nameEnd...]
        while let equals = rest.firstIndex(of: "=") {
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let afterEquals = rest[rest.index(after: equals)...]
            guard afterEquals.first == "\"", let valueEnd = afterEquals.dropFirst().firstIndex(of: "\"") else { break }
            attributes[key] = String(afterEquals[afterEquals.index(after: afterEquals.startIndex)..<valueEnd])
            rest = afterEquals[afterEquals.index(after: valueEnd)...]
        }
        // Attributes without a value (`disabled`, `checked`).
        for word in rest.split(separator: " ") where !word.contains("=") {
            attributes[word.lowercased()] = ""
        }
        let isVoid = closed || Self.voids.contains(name)
        if !isVoid { depths[name, default: 0] += 1 }
        return .start(name, attributes, closed: isVoid)
    }

    static let voids: Set<String> = ["br", "hr", "img", "input", "meta", "link", "col", "wbr"]

    static func unescaped(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Relative addresses resolved against an absolute one, as a browser does for `href`.
enum URLResolution {
    static func resolve(_ reference: String, against base: String) -> String {
        if reference.contains("://") || reference.hasPrefix("mailto:") || reference.hasPrefix("tel:") { return reference }
        guard let schemeEnd = base.range(of: "://") else { return reference }
        let hostEnd = base[schemeEnd.upperBound...].firstIndex(of: "/") ?? base.endIndex
        let origin = String(base[..<hostEnd])
        if reference.hasPrefix("/") { return origin + reference }
        var folder = base[hostEnd...].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        // The last segment is the page's file (empty for a folder's address).
        if !folder.isEmpty { folder.removeLast() }
        var fragment = ""
        var path = reference
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[hash...])
            path = String(path[..<hash])
        }
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case ".": continue
            case "..": if folder.count > 1 { folder.removeLast() }
            default: folder.append(String(part))
            }
        }
        return origin + folder.joined(separator: "/") + fragment
    }
}
