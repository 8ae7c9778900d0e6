// swift-tools-version: 6.2
import PackageDescription

/// Our own targets treat every warning as an error (Swift 6 mode, no warnings).
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "runbook",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "runbook", targets: ["runbook"]),
        .library(name: "Workflow", targets: ["Workflow"]),
        .library(name: "Steps", targets: ["Steps"]),
        .library(name: "Board", targets: ["Board"]),
        .library(name: "Text", targets: ["Text"]),
        // Spawning and awaiting child processes for the tests and bench/ (never blocking Swift's pool).
        .library(name: "ProcessHarness", targets: ["ProcessHarness"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        // The three below come with Hummingbird; named because Board uses them directly
        // (ByteBuffer and Channel, the service group that stops on SIGINT/SIGTERM, its logger).
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        // Comes with AsyncHTTPClient; named because the http: kind tells TLS failures apart.
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        // Both come with Hummingbird; named because the board's connection guard (a channel handler
        // in Hummingbird's HTTP/1 pipeline) reads the decoded request heads they define.
        .package(url: "https://github.com/apple/swift-nio-extras", exact: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // SHA-256 and HMAC from the system's libcrypto (OpenSSL 3), in place of swift-crypto, whose
        // own copy of BoringSSL was a second one beside swift-nio-ssl's (about 360 C files to build).
        .systemLibrary(
            name: "CSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // gzip for the workshop bundle (SPEC 10.3), from the system's zlib (which NIO's HTTP compression links already).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // `runbook --version`: the VERSION file and the git commit, written before each build.
        .plugin(name: "BuildInfo", capability: .buildTool()),
        // One of each text tool (shell lexer, Markdown blocks, YAML scalars, JSON, JSON lines, diff): Foundation only.
        .target(
            name: "Text",
            swiftSettings: strict
        ),
        .target(
            name: "Workflow",
            dependencies: ["CYAML", "CSSL", "Text"],
            swiftSettings: strict
        ),
        .target(
            name: "Steps",
            dependencies: [
                "Workflow",
                "Text",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                // Docker contexts are stored under the SHA-256 of their name.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            path: "Sources/steps",
            swiftSettings: strict
        ),
        .target(
            name: "Board",
            dependencies: [
                "Workflow",
                "CZlib",
                "Text",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // What the commands share: run preparation, batch runs, reports, completion, terminal output.
        .target(
            name: "Frontend",
            dependencies: ["Workflow", "Steps", "Board"],
            swiftSettings: strict
        ),
        // `runbook guide`: the flow, the screen, the keys, the saved progress.
        .target(
            name: "Guide",
            dependencies: ["Workflow", "Frontend", "Board", "Text"],
            swiftSettings: strict
        ),
        // `runbook docs` and `runbook import`: the learner's text from a runbook, drafts from tutorials.
        .target(
            name: "Authoring",
            dependencies: ["Workflow", "Text"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "runbook",
            dependencies: [
                "Workflow",
                "Steps",
                "Board",
                "Frontend",
                "Guide",
                "Authoring",
                "Text",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            plugins: ["BuildInfo"]
        ),
        // The one process-spawning helper of the tests and benchmarks.
        .target(
            name: "ProcessHarness",
            path: "Tests/ProcessHarness",
            swiftSettings: strict
        ),
        .testTarget(
            name: "TextTests",
            dependencies: ["Text"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "GuideTests",
            dependencies: ["Guide", "Frontend", "Workflow", "Text"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "FrontendTests",
            dependencies: ["Frontend", "Workflow", "Steps"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AuthoringTests",
            dependencies: ["Authoring", "Workflow", "Steps", "Text"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WorkflowTests",
            dependencies: ["Workflow", "Text"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "StepsTests",
            dependencies: ["Steps", "Workflow", "Text", "ProcessHarness"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "BoardTests",
            dependencies: [
                "Board",
                "Workflow",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RunbookTests",
            dependencies: ["Workflow", "ProcessHarness"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
