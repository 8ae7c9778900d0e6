// swift-tools-version: 6.2
// The benchmarks of bench/README.md, a package of their own so that a plain `swift build` of the
// project never builds them: `swift build -c release --package-path bench`.
import PackageDescription

let package = Package(
    name: "runbook-bench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "runbook", path: ".."),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
    ],
    targets: [
        .executableTarget(
            name: "runbook-bench",
            dependencies: [
                .product(name: "Workflow", package: "runbook"),
                .product(name: "Steps", package: "runbook"),
                .product(name: "Board", package: "runbook"),
                .product(name: "ProcessHarness", package: "runbook"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Sources/runbook-bench"
        )
    ],
    swiftLanguageModes: [.v6]
)
