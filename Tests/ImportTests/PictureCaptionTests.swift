import Documents
import Testing

@testable import Import

/// The line under a photo in a Word draft becomes its caption: Word's Caption style (题注), or
/// the usual 图为… line written as body text, as most bureau drafts have it.
@Suite struct PictureCaptionTests {
    typealias Paragraph = WordDocument.Paragraph

    static func draft(under picture: Paragraph, _ line: Paragraph) -> String {
        DraftMarkdown(blocks: [.paragraph(picture), .paragraph(line)], notes: [], slug: "yeshi").text
    }

    static let picture = Paragraph(number: 1, inlines: [.picture(part: "word/media/image1.jpeg", description: "夜市示范摊位")])

    @Test func takesAPlain图为LineUnderAPhotoAsItsCaption() {
        let line = Paragraph(number: 2, inlines: [.text("图为夜市党员示范摊位", [])])
        #expect(Self.draft(under: Self.picture, line) == "![夜市示范摊位](yeshi/图片1.jpg \"图为夜市党员示范摊位\")\n")
    }

    @Test func takesAParagraphInWordsCaptionStyleAsItsCaption() {
        let line = Paragraph(number: 2, role: .caption, inlines: [.text("夜市一角", [])])
        #expect(Self.draft(under: Self.picture, line) == "![夜市示范摊位](yeshi/图片1.jpg \"夜市一角\")\n")
    }

    @Test func leavesOtherTextUnderAPhotoAsAParagraph() {
        let line = Paragraph(number: 2, inlines: [.text("夜市有摊位186个。", [])])
        #expect(Self.draft(under: Self.picture, line) == "![夜市示范摊位](yeshi/图片1.jpg)\n\n夜市有摊位186个。\n")
    }

    /// A description that is only the picture's file name is no description: the draft gets a
    /// placeholder and the author a warning to describe the picture.
    @Test(arguments: ["photo.jpg", "IMG_2034.JPG", "图片1.png"])
    func takesAFileNameForNoDescription(_ name: String) {
        let picture = Paragraph(number: 1, inlines: [.picture(part: "word/media/image1.jpeg", description: name)])
        let draft = DraftMarkdown(blocks: [.paragraph(picture)], notes: [], slug: "yeshi")
        #expect(draft.text == "![图片1](yeshi/图片1.jpg)\n")
        #expect(draft.notes.count == 1)
    }

    @Test func keepsADescriptionThatMentionsAFile() {
        #expect(!DraftMarkdown.isFileName("市场外景 photo.jpg"))
        #expect(!DraftMarkdown.isFileName("夜市示范摊位"))
    }
}
