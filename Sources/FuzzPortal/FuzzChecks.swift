// The fuzz build is a debug build, which SwiftPM compiles with testability: the checks reach the
// internals of Content (front matter, the YAML schema readers, link resolution) and of Photos
// (the metadata stripper) without making them public; the privacy scanner is public already. A release build of the whole package has no testable imports, so there the target
// is an empty shell (see the end of the file).
#if DEBUG
    import Core
    import Markdown
    import Model
    import Privacy

    @testable import Content
    @testable import Photos

    /// What the fuzzer feeds each input to, and the properties that must hold for any input. A
    /// broken property stops the run with `preconditionFailure`, which libFuzzer reports as a crash
    /// and saves the input.
    enum FuzzChecks {
        static let scanner = PrivacyScanner(allowedEmails: ["office@example.gov.cn"])
        static let config = PortalConfig(
            title: "测试", baseURL: "https://example.gov.cn/", districts: [Taxon(name: "东湖区", slug: "donghu")],
            categories: [Taxon(name: "小微企业", slug: "xiaowei")])
        static let resolver: LinkResolver = {
            let pages: [(String, PageKind, String, SitePath)] = [
                ("cases/a.md", .caseStudy, "a", .folder("cases", "a")),
                ("cases/b.md", .caseStudy, "b", .folder("cases", "b")),
                ("courses/c.md", .course, "c", .folder("courses", "c")),
                ("pages/about.md", .page, "about", .folder("about")),
            ]
            var targets: [String: LinkResolver.Target] = [:]
            for (file, kind, slug, path) in pages {
                targets[file] = LinkResolver.Target(
                    kind: kind, relativePath: file, slug: slug, path: path, status: slug == "b" ? .draft : .published, title: slug
                )
            }
            return LinkResolver(targets: targets, unreadable: ["cases/broken.md"], files: ["cases/photo.jpg", "media/logo.png"])
        }()

        static func run(_ bytes: UnsafeBufferPointer<UInt8>) {
            privacy(bytes)
            pictures(Array(bytes))
            let text = SourceFile.normalizingLineEnds(String(decoding: bytes, as: UTF8.self))
            pages(text)
            dataFiles(text)
            slugs(text)
            links(text)
            dataBlocks(text)
        }

        static let renderer = MarkdownRenderer(options: .portal)

        /// A table or chart block either renders with every cell escaped, or stays code with
        /// its problems placed on the block's lines.
        static func dataBlocks(_ text: String) {
            for kind in ["table", "chart"] {
                let fenced = "```\(kind)\n" + text.replacingOccurrences(of: "`", with: "'") + "\n```\n"
                let document = renderer.render(fenced)
                let lines = fenced.split(separator: "\n", omittingEmptySubsequences: false).count
                for problem in document.dataBlockProblems {
                    check(problem.position.line >= 2 && problem.position.line < lines, "a problem outside the block")
                }
                check(!document.html.contains("<script"), "raw HTML from a cell reached the page")
            }
        }

        /// A JPEG made of the input: its size is read without a crash, and once its metadata is
        /// cut out, no metadata segment is left but an orientation of its own making.
        static func pictures(_ bytes: [UInt8]) {
            let jpeg = [0xFF, 0xD8] + bytes
            _ = ImageSize(of: jpeg)
            guard let stripped = PhotoMetadata.strippedJPEG(jpeg) else { return }
            _ = JPEGSegment.walk(stripped) { segment in
                check(![0xEC, 0xED, 0xFE].contains(segment.marker), "a metadata segment was kept")
                if segment.marker == 0xE1 {
                    let orientation = JPEGOrientation.of(stripped[segment.payload])
                    check(
                        orientation.map { Array(stripped[segment.range]) == PhotoMetadata.orientationSegment($0) } ?? false,
                        "an APP1 segment other than an orientation was kept")
                }
                return true
            }
        }

        static func check(_ condition: Bool, _ message: @autoclosure () -> String) {
            if !condition { preconditionFailure(message()) }
        }

        /// Findings lie inside the input, in order, and their masked forms pass the scanner.
        static func privacy(_ bytes: UnsafeBufferPointer<UInt8>) {
            let findings = scanner.findings(in: bytes)
            var previous = 0
            for finding in findings {
                check(finding.byteRange.lowerBound >= previous, "findings out of order")
                check(finding.byteRange.lowerBound >= 0 && finding.byteRange.upperBound <= bytes.count, "finding out of bounds")
                check(scanner.findings(in: finding.masked).isEmpty, "a masked form matches: \(finding.kind)")
                check(!finding.masked.contains(finding.canonical), "the masked form holds the value")
                switch finding.kind {
                case .mobile: check(finding.canonical.utf8.count == 11, "a mobile number is 11 digits")
                case .idNumber:
                    // 18 characters, or 15 digits for a first-generation number.
                    check([15, 18].contains(finding.canonical.utf8.count), "an ID number is 18 or 15 characters")
                case .email: check(!scanner.allowedEmails.contains(finding.canonical), "an allowed address is reported")
                }
                previous = finding.byteRange.lowerBound
            }
            // The same text scanned as a String finds the same.
            if let text = String(validating: bytes, as: UTF8.self) {
                check(scanner.findings(in: text) == findings, "String and bytes scans differ")
            }
            // Whatever comes before it, a number set off by full-width commas is found.
            let planted = Array(bytes) + Array("，138 0013 8000，".utf8)
            let plantedStart = bytes.count + 3
            check(
                scanner.findings(in: planted).contains {
                    $0.kind == .mobile && $0.byteRange == plantedStart..<plantedStart + 13 && $0.masked == "138****8000"
                }, "a planted number is missed")
        }

        /// The input as a Markdown page of each kind: front matter split, YAML read, the record read
        /// against its schema. Every diagnostic points at a line of the file.
        static func pages(_ text: String) {
            let file = SourceFile(path: "content/cases/fuzz.md", text: text)
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            if case .success(let frontMatter) = FrontMatter.split(file) {
                check(frontMatter.bodyFirstLine > frontMatter.yamlFirstLine, "the body starts before the front matter")
                check(frontMatter.bodyFirstLine <= lineCount + 1, "the body starts after the end of the file")
            }
            let decoder = PageDecoder(lookup: TaxonLookup(config: config))
            for kind in PageKind.allCases {
                var diagnostics = Diagnostics()
                _ = decoder.decode(file, kind: kind, relativePath: "\(kind.folder)/fuzz.md", diagnostics: &diagnostics)
                for diagnostic in diagnostics {
                    check(diagnostic.location.path == file.path, "a diagnostic names another file")
                    check(
                        diagnostic.location.line >= 1 && diagnostic.location.line <= lineCount + 1,
                        "line \(diagnostic.location.line) outside a file of \(lineCount) lines")
                }
            }
        }

        /// The input as `portal.yaml`, `sites.yaml` and `members.yaml`.
        static func dataFiles(_ text: String) {
            let file = SourceFile(path: "content/data/fuzz.yaml", text: text)
            guard case .success(let root) = YAMLReader.parse(text, path: file.path) else { return }
            var diagnostics = Diagnostics()
            _ = ConfigDecoder.decode(root, file: file, diagnostics: &diagnostics)
            let lookup = TaxonLookup(config: config)
            _ = SiteDecoder.decode(root, file: file, lookup: lookup, diagnostics: &diagnostics)
            _ = MemberDecoder.decode(root, file: file, lookup: lookup, diagnostics: &diagnostics)
            if let root {
                var reader = RecordReader(root, recordName: "记录", diagnostics: &diagnostics)
                _ = reader.string("title")
                _ = reader.integer("since", in: 1900...2100)
                _ = reader.decimal("hours", in: 0.5...200)
                _ = reader.boolean("done", required: false)
                _ = reader.day("date", required: false)
                _ = reader.locatedStringList("tags")
                _ = reader.nested("targets", required: false)
                reader.finish()
            }
        }

        /// Suggestions are valid slugs; anchors have no empty parts and are unique on a page.
        static func slugs(_ text: String) {
            let suggestion = Slug.suggestion(for: text)
            check(suggestion.isEmpty || Slug.isValid(suggestion), "an invalid slug is suggested")
            if Slug.isValid(text) { check(!text.isEmpty, "an empty slug is valid") }
            let segment = Slug.segment(from: text)
            check(!segment.hasPrefix("-") && !segment.hasSuffix("-") && !segment.contains("--"), "a segment has an empty part")
            var namer = AnchorNamer()
            var anchors: Set<String> = []
            for line in text.split(separator: "\n").prefix(64) {
                let anchor = namer.anchor(for: String(line))
                check(!anchor.isEmpty, "an empty anchor")
                check(anchors.insert(anchor).inserted, "a repeated anchor")
            }
        }

        /// The first line is a link, the second the file it is written in.
        static func links(_ text: String) {
            let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
            let destination = lines[0]
            let source = lines.count > 1 ? lines[1] : "cases/a.md"
            _ = resolver.resolve(destination, from: source)
            _ = resolver.rewrite(destination, from: source, origin: .folder("cases", "a"))
            _ = resolver.resolveImage(destination, from: source)
            _ = URLEncoding.percentDecoded(destination)
            // Paths are split on the scalar `/`, as the resolver does: a `/` followed by a
            // combining mark is one Character.
            func parts(_ path: String) -> [String] {
                path.unicodeScalars.split(separator: "/", omittingEmptySubsequences: false).map {
                    String(String.UnicodeScalarView($0))
                }
            }
            // Source paths come from the folder scan: plain, without `.`, `..` or empty parts.
            func isPlain(_ path: String) -> Bool {
                let segments = parts(path)
                return !segments.isEmpty && segments.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
            }
            guard isPlain(source) else { return }
            if let joined = LinkResolver.join(folderOf: source, destination) {
                check(!parts(joined).contains(".."), "a joined path climbs")
            }
            // A link made between two plain paths leads back to the target.
            if isPlain(destination) {
                let link = LinkResolver.relativeLink(from: source, to: destination)
                check(LinkResolver.join(folderOf: source, link) == destination, "a relative link does not lead back")
            }
        }
    }
#else
    /// Release builds cannot import internals: the fuzz target is only built in debug.
    enum FuzzChecks {
        static func run(_ bytes: UnsafeBufferPointer<UInt8>) {}
    }
#endif
