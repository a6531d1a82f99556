/// Reads back, row by row, a CSV report this program wrote (RFC 4180: CRLF line ends, fields quoted when
/// they hold a comma, quote or line break, quotes doubled; an optional UTF-8 byte order mark). Keeps no
/// row: each is handed to the caller as byte ranges of the file, so that a sheet of a million rows is
/// made without a table of strings in memory. (`CSVTableReader` reads the user's input tables, with a
/// diagnostic for every malformed field; this one reads only what `CSVWriter` writes.)
struct ReportCSVRows {
    /// One field: `bytes[start..<end]` (inside the quotes when quoted, quotes still doubled).
    struct Field {
        var start: Int
        var end: Int
        var quoted: Bool
    }

    let bytes: UnsafeRawBufferPointer

    /// Calls `body(row, fields)` for every row, the header being row 0.
    func forEach<E: Error>(_ body: (Int, [Field]) throws(E) -> Void) throws(E) {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let end = bytes.count
        var fields: [Field] = []
        var row = 0
        while i < end {
            fields.removeAll(keepingCapacity: true)
            while true {
                if i < end, bytes[i] == 0x22 {
                    let start = i + 1
                    i = start
                    while i < end {
                        if bytes[i] == 0x22 {
                            if i + 1 < end, bytes[i + 1] == 0x22 { i += 2; continue }
                            break
                        }
                        i += 1
                    }
                    fields.append(Field(start: start, end: min(i, end), quoted: true))
                    i += 1  // the closing quote
                } else {
                    let start = i
                    while i < end, bytes[i] != 0x2C, bytes[i] != 0x0D, bytes[i] != 0x0A { i += 1 }
                    fields.append(Field(start: start, end: i, quoted: false))
                }
                if i < end, bytes[i] == 0x2C { i += 1; continue }
                break
            }
            if i < end, bytes[i] == 0x0D { i += 1 }
            if i < end, bytes[i] == 0x0A { i += 1 }
            try body(row, fields)
            row += 1
        }
    }

    /// The rows of the file, the header included.
    var count: Int {
        var rows = 0
        forEach { _, _ in rows += 1 }
        return rows
    }

    /// The field's text as UTF-8 bytes, doubled quotes undone, into `buffer`.
    func text(_ field: Field, into buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        var i = field.start
        while i < field.end {
            buffer.append(bytes[i])
            i += field.quoted && bytes[i] == 0x22 ? 2 : 1
        }
    }
}
