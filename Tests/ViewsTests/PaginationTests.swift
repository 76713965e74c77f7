import Core
import Model
import Mustache
import Testing

@testable import Views

/// A list of hundreds of pages links the first and last page and those near the current one,
/// not every page from every page.
@Suite struct PaginationTests {
    @Test(arguments: [
        (1, 1, [1]),
        (1, 5, [1, 2, 3, 4, 5]),
        (1, 500, [1, 2, 3, 500]),
        (250, 500, [1, 248, 249, 250, 251, 252, 500]),
        (5, 500, [1, 2, 3, 4, 5, 6, 7, 500]),
        (500, 500, [1, 498, 499, 500]),
    ])
    func showsTheEndsAndTheNeighbours(number: Int, pageCount: Int, expected: [Int]) {
        #expect(PageViews.pagesShown(around: number, of: pageCount) == expected)
    }

    @Test func marksEachRunOfPagesLeftOutWithAGap() throws {
        let views = PageViews(index: PortalIndex(ViewVocabulary.samplePortal), today: Day(year: 2026, month: 1, day: 1)!)
        let context = views.pagination(count: 10_000, number: 250, list: Routes.cases, from: Routes.cases)
        let pages = try #require(context["pages"] as? [ViewContext])
        let shape = pages.map { ($0["gap"] as? Bool) == true ? "…" : "\($0["number"] as? Int ?? 0)" }
        #expect(shape == ["1", "…", "248", "249", "250", "251", "252", "…", "500"])
        #expect(context["previous"] as? String != nil)
        #expect(context["next"] as? String != nil)
    }
}
