// swift-tools-version: 6.2
// The benchmarks of bench/README.md, a package of their own so that a plain `swift build` of the
// project never builds them: `swift build -c release --package-path bench`.
import PackageDescription

let package = Package(
    name: "runbook-bench",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "runbook", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "runbook-bench",
            dependencies: [
                .product(name: "Workflow", package: "runbook"),
                .product(name: "Steps", package: "runbook"),
            ],
            path: "Sources/runbook-bench"
        ),
    ],
    swiftLanguageModes: [.v6]
)
