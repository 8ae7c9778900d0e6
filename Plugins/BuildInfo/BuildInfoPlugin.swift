import Foundation
import PackagePlugin

/// Writes `BuildInfo.swift` (the package's VERSION file and the git commit) before every build of
/// the target it is attached to, so that `runbook --version` says `runbook VERSION (COMMIT)`
/// without a generated file in the repository: a clean clone builds (outside git the commit is
/// `unknown`), and the file is rewritten only when its text changes, so nothing recompiles otherwise.
@main
struct BuildInfoPlugin: BuildToolPlugin {
    /// One prebuild command: `/bin/sh` runs the script below in the package's folder.
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "Generated")
        let package = context.package.directoryURL.path(percentEncoded: false)
        // A prebuild command may only run an executable that is not built from source: /bin/sh is one.
        let script = """
            set -u
            cd "$1" || exit 1
            mkdir -p "$2"
            version=$(head -n 1 VERSION 2>/dev/null | tr -cd '0-9A-Za-z.+-')
            commit=$(git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
            if [ "$commit" != unknown ] && ! git diff --quiet HEAD -- Sources Package.swift VERSION 2>/dev/null; then
                commit="$commit-dirty"
            fi
            text="/// Written by the BuildInfo plugin before each build (Plugins/BuildInfo): do not edit.
            enum BuildInfo {
                /// The package's version (the VERSION file).
                static let version = \\"${version:-0.0.0}\\"
                /// The git commit it was built from (-dirty: with changes not committed).
                static let commit = \\"$commit\\"
            }"
            if [ "$(cat "$2/BuildInfo.swift" 2>/dev/null)" != "$text" ]; then printf '%s\\n' "$text" > "$2/BuildInfo.swift"; fi
            """
        return [
            .prebuildCommand(
                displayName: "BuildInfo: VERSION and git commit",
                executable: URL(fileURLWithPath: "/bin/sh"),
                arguments: ["-c", script, "build-info", package, output.path(percentEncoded: false)],
                outputFilesDirectory: output)
        ]
    }
}
