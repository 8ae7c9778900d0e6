import CFuzzerDriver
import Workflow

#if canImport(Glibc)
import Glibc
#endif

// The fuzzer: every input is a runbook file that the loader reads, decodes and validates, and
// whose diagnostics are rendered with their source lines. It must never crash, hang or leak,
// whatever the bytes. Run it with scripts/fuzz.sh.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let result = RunbookLoader().load(bytes: bytes, path: "fuzz.yaml")
    _ = DiagnosticPrinter(sources: [result.source]).render(result.diagnostics)
    return 0
}
exit(status)
