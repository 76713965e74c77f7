import Core
import Model

/// The Atom feed of the newest cases, news reports, notices and policy documents, `/feed.xml`.
/// Its `updated` time is the newest entry's date, not the clock's, so the same content always
/// gives the same feed.
public enum FeedWriter {
    static let entryCount = 20

    /// One entry, whatever kind of page it is.
    private struct Entry {
        var title: String
        var path: SitePath
        var date: Day
        var author: String
        var categories: [String]
        var summary: String
    }

    public static func feed(for portal: Portal) -> String {
        let config = portal.config
        let base = config.baseURL
        let publisher = config.publisher.isEmpty ? config.title : config.publisher
        let entries = newest(of: portal, publisher: publisher)
        let updated = entries.first?.date.rfc3339 ?? "2000-01-01T00:00:00+08:00"
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
              <title>\(XMLText.escape(config.title))</title>

            """
        if !config.description.isEmpty { xml += "  <subtitle>\(XMLText.escape(config.description))</subtitle>\n" }
        xml += """
              <id>\(XMLText.escape(base))</id>
              <link href="\(XMLText.escape(base))"/>
              <link rel="self" type="application/atom+xml" href="\(XMLText.escape(base + Routes.feed.urlPath))"/>
              <updated>\(updated)</updated>
              <author><name>\(XMLText.escape(publisher))</name></author>

            """
        for entry in entries {
            let url = XMLText.escape(base + entry.path.urlPath)
            xml += """
                  <entry>
                    <title>\(XMLText.escape(entry.title))</title>
                    <link href="\(url)"/>
                    <id>\(url)</id>
                    <published>\(entry.date.rfc3339)</published>
                    <updated>\(entry.date.rfc3339)</updated>
                    <author><name>\(XMLText.escape(entry.author))</name></author>

                """
            for category in entry.categories { xml += "    <category term=\"\(XMLText.escape(category))\"/>\n" }
            xml += """
                    <summary>\(XMLText.escape(entry.summary))</summary>
                  </entry>

                """
        }
        xml += "</feed>\n"
        return xml
    }

    /// The newest `entryCount` pages of every dated kind, newest first; on one day cases come
    /// first, then news, notices and policy documents, each kind in its own order.
    private static func newest(of portal: Portal, publisher: String) -> [Entry] {
        let cases = portal.cases.prefix(entryCount).map {
            Entry(
                title: $0.title, path: Routes.caseStudy($0.slug), date: $0.date, author: $0.author,
                categories: [$0.district.name, $0.category.name], summary: $0.summary)
        }
        let news = portal.news.prefix(entryCount).map {
            Entry(
                title: $0.title, path: ArticleKind.news.item($0.slug), date: $0.date, author: publisher,
                categories: [ArticleKind.news.title] + ($0.district.map { [$0.name] } ?? []), summary: $0.summary)
        }
        let notices = portal.notices.prefix(entryCount).map {
            Entry(
                title: $0.title, path: ArticleKind.notice.item($0.slug), date: $0.date, author: publisher,
                categories: [ArticleKind.notice.title], summary: $0.summary)
        }
        let policies = portal.policies.prefix(entryCount).map {
            Entry(
                title: $0.title, path: ArticleKind.policy.item($0.slug), date: $0.date, author: $0.issuer,
                categories: [ArticleKind.policy.title], summary: "\($0.number)　\($0.summary)")
        }
        let all = [cases, news, notices, policies].enumerated().flatMap { kind, entries in
            entries.enumerated().map { (kind: kind, position: $0, entry: $1) }
        }
        return all.sorted { lhs, rhs in
            if lhs.entry.date != rhs.entry.date { return lhs.entry.date > rhs.entry.date }
            return (lhs.kind, lhs.position) < (rhs.kind, rhs.position)
        }.prefix(entryCount).map(\.entry)
    }
}

/// `/sitemap.xml`: every public page but the 404 page.
public enum SitemapWriter {
    public static func sitemap(baseURL: String, pages: [(path: SitePath, lastModified: Day?)]) -> String {
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        // Sorted by file path, each worked out once.
        for (_, page) in pages.map({ ($0.path.filePath, $0) }).sorted(by: { $0.0 < $1.0 }) {
            xml += "  <url><loc>\(XMLText.escape(baseURL + page.path.urlPath))</loc>"
            if let day = page.lastModified { xml += "<lastmod>\(day)</lastmod>" }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
