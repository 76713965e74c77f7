import Core
import Foundation
import Model
import Mustache

/// The 典型案例汇编: chosen cases typeset as one printed booklet (`portal booklet`).
extension PageViews {
    /// Where the booklet is placed in the built site for printing: as deep as a case page, so
    /// the bodies' relative addresses of pictures find them.
    public static let bookletPath = SitePath.folder("booklet").appending("document")

    /// The cover, the table of contents with `pages` (the page each case starts on, once
    /// known; blanks of the same width before) and every case from a new page.
    public func booklet(
        _ cases: [CaseStudy], title: String, subtitle: String, a5: Bool, pages: [Int]?, printedOn: Day
    ) -> ViewContext {
        let path = Self.bookletPath
        let config = portal.config
        let width = String(pages?.max() ?? cases.count * 4).count
        return [
            "title": title,
            "subtitle": subtitle,
            "publisher": config.footer.organizer ?? config.publisher,
            "date": "\(printedOn.year)年\(printedOn.month)月",
            "size": a5 ? "a5" : "a4",
            "stylesheet": Routes.assets.appending("booklet.css").fileHref(from: path),
            "caseCount": cases.count,
            "cases": cases.enumerated().map { position, caseStudy in
                [
                    "number": position + 1,
                    "title": caseStudy.title,
                    "district": caseStudy.district.name,
                    "category": caseStudy.category.name,
                    "date": caseStudy.date.chinese,
                    "author": caseStudy.author,
                    "page": pages.map { String($0[position]) } ?? String(repeating: "0", count: width),
                    "body": SafeHTML(Self.printable(caseStudy.body.html)),
                ] as ViewContext
            },
        ]
    }

    /// A body for paper: links are plain text (an address on paper leads nowhere), and each
    /// picture is its widest rendition, for print.
    static func printable(_ html: String) -> String {
        var text = html.replacing(/<a [^>]*>/, with: "").replacing("</a>", with: "")
        text = text.replacing(/<img src="[^"]*" srcset="(?:[^"]*, )?([^", ]+) [0-9]+w" sizes="[^"]*"/) { match in
            "<img src=\"\(match.output.1)\""
        }
        return text
    }
}
