import Build
import Foundation
import Testing

/// A course's objectives and lessons, and the cases and sites its lessons use, both ways.
@Suite struct CourseLessonTests {
    @Test func lessonsLinkCoursesWithTheirCasesAndSitesBothWays() async throws {
        let fixture = try FixtureWorkspace()
        defer { fixture.remove() }
        let course = fixture.content.appendingPathComponent("courses/course-01.md")
        let text = try String(contentsOf: course, encoding: .utf8)
        try text.replacingOccurrences(
            of: "hours: 3\n",
            with: """
                hours: 3
                objectives: [掌握“三亮”的做法, 学会组织群众评议]
                lessons:
                  - {title: 专题讲授, hours: 1}
                  - {title: 案例研讨, hours: 1.5, cases: [case-08]}
                  - {title: 现场教学, hours: 0.5, sites: [site-02]}

                """
        ).write(to: course, atomically: true, encoding: .utf8)
        let sink = MemorySink()
        _ = try await SiteBuilder(options: fixture.options).build(into: sink)
        let files = await sink.files

        let page = try #require(files.text("courses/course-01/index.html"))
        #expect(page.contains("<h2>教学目标</h2>") && page.contains("<li>学会组织群众评议</li>"))
        #expect(page.contains("<strong>案例研讨</strong> <span class=\"meta\">（1.5 学时）</span>"))
        #expect(page.contains(#"研讨案例：<a href="../../cases/case-08/">"#))
        #expect(page.contains(#"现场教学：<a href="../../sites/site-02/">"#))
        // The case a lesson uses lists the course; so does the site a lesson visits.
        #expect(try #require(files.text("cases/case-08/index.html")).contains(#"href="../../courses/course-01/""#))
        #expect(try #require(files.text("sites/site-02/index.html")).contains(#"href="../../courses/course-01/""#))
    }
}
