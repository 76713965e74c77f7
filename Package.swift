// swift-tools-version:6.0
// The targets follow the build pipeline; each depends only on the ones above it:
//
//   CCmark, CDeflate, CVips, leaves: the C libraries (Markdown, gzip, photos, QR codes),
//   CQRencode
//   Core                    diagnostics and paths
//   Charts                  charts drawn in SVG at build time, for write-ups and the dashboard
//   QRCodes                 QR codes through libqrencode, drawn in SVG, for the printed plates
//   Markdown, Model         Markdown through cmark; the portal's plain values
//   Spreadsheets            CSV and XLSX files read into sheets of cells (zip through libdeflate,
//                           XML through Foundation's parser); knows nothing of the portal
//   Documents               Word documents (.docx) read into paragraphs, tables, notes and
//                           pictures (Spreadsheets' zip reader, Foundation's XML); no portal
//   Content, Templates,     loading and validating content/; view models and templates/;
//   Search                  the search index: terms, postings, shard files (no I/O)
//   Import                  spreadsheet rows mapped by header, checked by Content's decoders and
//                           merged into data/*.yaml; Word documents written as draft cases
//                           (`portal import`)
//   Build                   the stages in order, and the writing of site/ (the text of Word and
//                           Excel attachments read through Spreadsheets' zip reader)
//   Preview                 `portal serve`: rebuilds on save, serves on 127.0.0.1, reloads pages
//   CLI → portal            the commands, and the executable
import PackageDescription

let package = Package(
    name: "portal",
    platforms: [.macOS(.v14)],
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
        .target(
            name: "Templates",
            dependencies: ["Charts", "Core", "Model", "QRCodes"]
        ),
        .target(name: "Search", dependencies: ["Core", "Model"]),
        .target(name: "Import", dependencies: ["Content", "Core", "Documents", "Model", "Spreadsheets"]),
        .target(
            name: "Build",
            dependencies: ["CDeflate", "CVips", "Core", "Model", "Content", "Templates", "Search", "Spreadsheets"]),
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
                "Build", "Content", "Core", "Import", "Markdown", "Model", "Preview", "Templates",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "portal", dependencies: ["CLI"]),
        // libFuzzer over front matter, YAML records, slugs, links and the privacy scanner; built
        // alone with --sanitize=fuzzer by `make fuzz` (a debug build: it uses testable imports).
        .executableTarget(name: "FuzzPortal", dependencies: ["Core", "Markdown", "Model", "Content", "Build"]),

        .testTarget(name: "CoreTests", dependencies: ["Core"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
        .testTarget(name: "QRCodesTests", dependencies: ["QRCodes"]),
        // The CommonMark 0.30 spec examples, shared by the Markdown and command-line suites.
        .target(name: "CommonMarkSpec", path: "Tests/Support/CommonMarkSpec"),
        .testTarget(name: "MarkdownTests", dependencies: ["Core", "Markdown", "CommonMarkSpec"]),
        .testTarget(name: "ModelTests", dependencies: ["Model"]),
        .testTarget(name: "ContentTests", dependencies: ["Content", .product(name: "Yams", package: "Yams")]),
        // Fixtures holds the spreadsheets and Word documents and the scripts that make them.
        .testTarget(
            name: "ImportTests", dependencies: ["Import", "Documents", "Spreadsheets", "Build"], exclude: ["Fixtures"]),
        // swift-mustache is the reference the template engine's output is compared with.
        .testTarget(
            name: "TemplatesTests", dependencies: ["Templates", "Model", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "SearchTests", dependencies: ["Search", "Model"]),
        // SearchHarness holds the script that runs the portal's search under node.
        .testTarget(name: "BuildTests", dependencies: ["Build"], exclude: ["Fixtures", "Golden", "SearchHarness"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "Build"]),
        .testTarget(name: "CLITests", dependencies: ["CLI", "CommonMarkSpec"]),
    ]
)
