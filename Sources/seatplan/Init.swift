import ArgumentParser
import Foundation
import SeatPlanKit

/// `seatplan init [FILE]`: writes a small commented scenario to start from.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a small, commented starter scenario to edit (never over an existing file).",
        discussion: """
        Two districts (one with two zones), the five stages, two years of history, ten schools, a housing \
        estate and one plan; it validates and runs as written: 'seatplan init && seatplan report starter.yaml'.
        """
    )

    @Argument(help: "The file to write.", completion: .file(extensions: ["yaml", "yml"]))
    var file = "starter.yaml"

    @Option(name: .long, help: "Language of the comments and names (zh or en).")
    var lang: ReportLanguage = .zh

    func run() throws {
        let data = Data(StarterScenario.text(lang).utf8)
        // O_EXCL: the file is created here or not at all, even if another process makes it meanwhile.
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else {
            let reason = errno == EEXIST ? "it exists — choose another name, e.g. 'seatplan init my-city.yaml'"
                : String(cString: strerror(errno)) + " — check the folder exists and is writable"
            Diagnostics.printError("error: \(file) not written: \(reason)")
            throw ExitCode(1)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: data)
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(atPath: file)
            Diagnostics.printError("error: \(file) not written: \(error.localizedDescription)")
            throw ExitCode(3)
        }
        print(lang == .zh ? "已写入 \(file)。下一步：seatplan report \(file)" : "Wrote \(file). Next: seatplan report \(file)")
    }
}
