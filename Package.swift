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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .target(
            name: "Workflow",
            dependencies: [
                "CYAML",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "Steps",
            dependencies: ["Workflow", .product(name: "AsyncHTTPClient", package: "async-http-client")],
            path: "Sources/steps",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "runbook",
            dependencies: [
                "Workflow",
                "Steps",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "WorkflowTests",
            dependencies: ["Workflow"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "StepsTests",
            dependencies: ["Steps", "Workflow"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RunbookTests",
            dependencies: ["Workflow"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
