// swift-tools-version:6.0
// The targets follow the build pipeline; each depends only on the ones above it:
//
//   CCmark, CDeflate, CVips, leaves: the C libraries (Markdown, gzip, photos, QR codes),
//   CQRencode                one module map and one shim each
//   Core                     diagnostics, paths, days, hashes; no portal
//   Charts, QRCodes          charts and QR codes drawn in SVG at build time
//   Mustache                 the template engine: parser, compiled program, renderer; no portal
//   Markdown, Model          Markdown through cmark; the portal's plain values
//   Spreadsheets, Documents  CSV and XLSX files read into cells, Word documents into paragraphs
//                            and tables (zip through libdeflate, XML through Foundation); no portal
//   Content                  loading and validating content/
//   Views                    what each page shows: the view models the templates render
//   Search                   the search index: terms, postings, shard files (no I/O)
//   Privacy                  ID numbers, mobile numbers and e-mail addresses found in pages and
//                            attachments
//   Photos                   photos resized through libvips, metadata left behind, cached
//   Writers                  feed, sitemap, CSV and XLSX sheets, zip archives and gzip
//   Import                   spreadsheet rows and Word documents brought into content/
//                            (`portal import`)
//   Build                    the stages in order, and the publishing of site/
//   Preview                  `portal serve`: rebuilds on save, serves its author on 127.0.0.1
//   CLI → portal             the commands, and the executable
import PackageDescription

let referenceMustache = Target.Dependency.product(
    name: "Mustache", package: "swift-mustache", moduleAliases: ["Mustache": "ReferenceMustache"])

let package = Package(
    name: "portal",
    // Linux only: the output is written with Linux system calls (renameat2 to swap the
    // published folder, inotify to watch the sources), through Glibc.
    products: [
        .executable(name: "portal", targets: ["portal"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        // libvips, which resizes phone photos for the web and leaves their metadata behind.
        .systemLibrary(
            name: "CVips",
            // No pkgConfig: vips.pc passes -pthread, which the package manager refuses with a
            // warning on every build; the shim declares the calls it makes (see shim.h).
            providers: [.apt(["libvips-dev"])]
        ),
        // libqrencode, which encodes the QR codes of the printed plates and service cards.
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .target(name: "Core"),
        .target(name: "Charts", dependencies: ["Core"]),
        .target(name: "QRCodes", dependencies: ["CQRencode"]),
        .target(name: "Markdown", dependencies: ["CCmark", "Charts", "Core"]),
        .target(name: "Model", dependencies: ["Core"]),
        .target(name: "Spreadsheets", dependencies: ["CDeflate", "Core"]),
        .target(name: "Documents", dependencies: ["Core", "Spreadsheets"]),
        .target(
            name: "Content",
            dependencies: ["Core", "Markdown", "Model", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "Mustache", dependencies: ["Core"]),
        .target(name: "Views", dependencies: ["Charts", "Core", "Model", "Mustache", "QRCodes"]),
        .target(name: "Search", dependencies: ["Core", "Model"]),
        .target(name: "Privacy", dependencies: ["Content", "Core", "Model", "Spreadsheets"]),
        .target(name: "Photos", dependencies: ["CVips", "Core", "Model"]),
        .target(name: "Writers", dependencies: ["CDeflate", "Core", "Model"]),
        .target(name: "Import", dependencies: ["Content", "Core", "Documents", "Model", "Spreadsheets"]),
        .target(
            name: "Build",
            dependencies: [
                "Content", "Core", "Model", "Mustache", "Photos", "Privacy", "Search", "Spreadsheets", "Views", "Writers",
            ]),
        .target(
            name: "Preview",
            dependencies: [
                "Build", "Core", .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .target(
            name: "CLI",
            dependencies: [
                "Build", "Content", "Core", "Import", "Markdown", "Model", "Mustache", "Preview", "Privacy", "Views",
                "Writers",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "portal", dependencies: ["CLI"]),
        // libFuzzer over front matter, YAML records, slugs, links and the privacy scanner; built
        // alone with --sanitize=fuzzer by `make fuzz` (a debug build: it reaches the internals of
        // Content and Photos through testable imports).
        .executableTarget(
            name: "FuzzPortal", dependencies: ["Content", "Core", "Markdown", "Model", "Photos", "Privacy"]),

        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(name: "QRCodesTests", dependencies: ["QRCodes"]),
        // The CommonMark 0.30 spec examples, shared by the Markdown and command-line suites.
        .target(name: "CommonMarkSpec", path: "Tests/Support/CommonMarkSpec"),
        // The seedable random numbers of the tests that generate their input.
        .target(name: "SeededRandom", path: "Tests/Support/SeededRandom"),
        .testTarget(name: "MarkdownTests", dependencies: ["Core", "Markdown", "CommonMarkSpec", "SeededRandom"]),
        .testTarget(name: "ModelTests", dependencies: ["Model"]),
        .testTarget(name: "ContentTests", dependencies: ["Content", .product(name: "Yams", package: "Yams")]),
        // Fixtures holds the spreadsheets and Word documents and the scripts that make them.
        .testTarget(
            name: "ImportTests", dependencies: ["Import", "Documents", "Spreadsheets", "Build"], exclude: ["Fixtures"]),
        // swift-mustache is the reference the template engine's output is compared with; its
        // module is named Mustache too, so the tests import it as ReferenceMustache.
        .testTarget(name: "MustacheTests", dependencies: ["Mustache", "Core", "SeededRandom", referenceMustache]),
        .testTarget(name: "ViewsTests", dependencies: ["Views", "Mustache", "Model", "Core", referenceMustache]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "Model"]),
        // SearchHarness holds the script that runs the portal's search under node.
        .testTarget(name: "PrivacyTests", dependencies: ["Privacy"]),
        .testTarget(
            name: "BuildTests", dependencies: ["Build", "Photos", "Privacy", "SeededRandom", "Writers"],
            exclude: ["Fixtures", "Golden", "SearchHarness"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "Build"]),
        .testTarget(name: "CLITests", dependencies: ["CLI", "CommonMarkSpec", "SeededRandom"]),
    ]
)
