import ArgumentParser
import Foundation
import Frontend

/// Flags shared by every command that prints: colour, quiet, verbose.
struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Never colour the output (NO_COLOR is honoured too).")
    var noColor = false

    @Flag(name: .shortAndLong, help: "Print only failures and the summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also stream each step's output.")
    var verbose = false

    /// The flags as plain values.
    var settings: OutputSettings {
        OutputSettings(noColor: noColor, quiet: quiet, verbose: verbose)
    }

    /// Colour only on a terminal, never with NO_COLOR or --no-color.
    func colored(for descriptor: Int32) -> Bool {
        settings.colored(for: descriptor)
    }
}
