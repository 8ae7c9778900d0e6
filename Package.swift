// swift-tools-version: 6.2
import PackageDescription

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
            ]
        ),
        .target(
            name: "Steps",
            dependencies: ["Workflow"],
            path: "Sources/steps"
        ),
        .executableTarget(
            name: "runbook",
            dependencies: [
                "Workflow",
                "Steps",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "runbook-bench",
            dependencies: ["Workflow", "Steps"],
            path: "bench/Sources/runbook-bench"
        ),
        .testTarget(
            name: "WorkflowTests",
            dependencies: ["Workflow", "Steps"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "StepsTests",
            dependencies: ["Steps", "Workflow"]
        ),
        .testTarget(
            name: "RunbookTests",
            dependencies: ["Workflow"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
