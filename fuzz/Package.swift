// swift-tools-version: 6.2
// A libFuzzer target over the runbook loader: YAML, decoding and validation (scripts/fuzz.sh).
// Built on its own with `-sanitize=fuzzer,address`; it is not part of the root package or `make test`.
import PackageDescription

let package = Package(
    name: "runbook-fuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "runbook", path: ".."),
    ],
    targets: [
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "RunbookLoaderFuzzer",
            dependencies: ["CFuzzerDriver", .product(name: "Workflow", package: "runbook")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
