import Foundation
import SeatPlanKit

/// Everything the commands print goes through here: text derived from the data (ids, names, keys, cell
/// values quoted in a message, file names) may hold escape sequences that would retitle the window, clear
/// the screen or hide text. Each control character and direction override (`TextChecks.isUnsafe`) is
/// printed as `\u{…}` instead; tabs and line breaks stay.
enum TerminalText {
    static func clean(_ text: String) -> String {
        TextChecks.visible(text)
    }

    /// Prints to standard output, cleaned.
    static func print(_ text: String = "") {
        Swift.print(clean(text))
    }

    /// Writes a line to standard error, cleaned.
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((clean(text) + "\n").utf8))
    }
}
