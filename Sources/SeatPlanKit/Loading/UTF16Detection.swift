import Foundation

/// Recognises a file saved as UTF-16 ("Unicode text" in Excel and Notepad), so that it is refused with
/// that name rather than as "not UTF-8" (or, when all its characters are ASCII, read as text full of
/// NUL bytes, which is valid UTF-8).
///
/// UTF-16 when the file starts with a byte order mark FF FE or FE FF, or when at least a third of its
/// first 4096 bytes are NUL bytes, all at odd or all at even offsets (the zero high byte of ASCII).
enum UTF16Detection {
    static func isUTF16(_ data: Data) -> Bool {
        let head = [UInt8](data.prefix(4096))
        guard head.count >= 2 else { return false }
        if (head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF) { return true }
        var zeros = [0, 0]
        for (i, byte) in head.enumerated() where byte == 0 { zeros[i % 2] += 1 }
        let nuls = zeros[0] + zeros[1]
        return nuls * 3 >= head.count && (zeros[0] == 0 || zeros[1] == 0)
    }

    static func error(file: String, what: String) -> Diagnostic {
        .error(at: SourceLocation(file: file, line: 1, column: 1), "the file is UTF-16 text, not UTF-8",
               hint: "save \(what) as UTF-8 (in Excel: 'CSV UTF-8 (comma delimited)'; in an editor: encoding UTF-8)")
    }
}
