import Foundation
import Testing

/// `make install`: binary, man page and shell completions under PREFIX; the bash completion loads in bash.
@Suite("completions and install")
struct InstallTests {
    // MARK: completions and man page

    @Test("the bash completion script loads in bash, and install puts binary, man page and completions under PREFIX")
    func completionsAndInstall() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for shell in ["bash", "zsh", "fish"] {
            let script = try await Binary.run(["--generate-completion-script", shell])
            #expect(script.status == 0, "\(shell)")
            for word in ["seatplan", "schema", "init", "xlsx"] { #expect(script.stdout.contains(word), "\(shell): \(word)") }
        }
        let prefix = folder.appending("prefix")
        let install = try await Binary.runProgram("/usr/bin/make", ["-s", "install-files", "PREFIX=\(prefix.path)", "BIN=\(Binary.path)"])
        #expect(install.status == 0, "make: \(install.stderr)")
        for file in ["bin/seatplan", "share/man/man1/seatplan.1", "share/bash-completion/completions/seatplan",
                     "share/zsh/site-functions/_seatplan", "share/fish/vendor_completions.d/seatplan.fish"] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "\(file)")
        }
        let bash = try await Binary.runProgram("/bin/bash", ["-c", "source \"$1\" && complete -p seatplan", "bash",
                                                              prefix.appendingPathComponent("share/bash-completion/completions/seatplan").path])
        #expect(bash.status == 0, "bash: \(bash.stderr)")
        #expect(bash.stdout.hasPrefix("complete "), "\(bash.stdout)")
        #expect(bash.stdout.hasSuffix(" seatplan\n"), "\(bash.stdout)")
        // The man page is valid roff that man renders with its sections.
        let man = try await Binary.runProgram("/usr/bin/env", ["MANWIDTH=80", "man", "-l", prefix.appendingPathComponent("share/man/man1/seatplan.1").path],
                                              environment: ["MANPAGER": "cat", "PAGER": "cat"])
        #expect(man.status == 0, "man: \(man.stderr)")
        for section in ["NAME", "SYNOPSIS", "COMMANDS", "EXIT STATUS"] { #expect(man.stdout.contains(section)) }
        #expect(man.stdout.contains("seatplan init"))
    }
}
