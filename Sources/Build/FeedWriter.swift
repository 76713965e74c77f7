import Core
import Model

/// The Atom feed of the newest cases, `/feed.xml`. Its `updated` time is the newest case's
/// date, not the clock's, so the same content always gives the same feed.
enum FeedWriter {
    static let entryCount = 20

    static func feed(for portal: Portal) -> String {
        let config = portal.config
        let base = config.baseURL
        let updated = portal.cases.first?.date.rfc3339 ?? "2000-01-01T00:00:00+08:00"
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
              <author><name>\(XMLText.escape(config.publisher.isEmpty ? config.title : config.publisher))</name></author>

            """
        for caseStudy in portal.cases.prefix(entryCount) {
            let url = XMLText.escape(base + Routes.caseStudy(caseStudy.slug).urlPath)
            xml += """
                  <entry>
                    <title>\(XMLText.escape(caseStudy.title))</title>
                    <link href="\(url)"/>
                    <id>\(url)</id>
                    <published>\(caseStudy.date.rfc3339)</published>
                    <updated>\(caseStudy.date.rfc3339)</updated>
                    <author><name>\(XMLText.escape(caseStudy.author))</name></author>
                    <category term="\(XMLText.escape(caseStudy.district.name))"/>
                    <category term="\(XMLText.escape(caseStudy.category.name))"/>
                    <summary>\(XMLText.escape(caseStudy.summary))</summary>
                  </entry>

                """
        }
        xml += "</feed>\n"
        return xml
    }
}

/// `/sitemap.xml`: every public page but the 404 page.
enum SitemapWriter {
    static func sitemap(baseURL: String, pages: [(path: SitePath, lastModified: Day?)]) -> String {
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
