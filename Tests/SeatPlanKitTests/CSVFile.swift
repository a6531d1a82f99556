import Foundation

/// A minimal RFC 4180 reader for the tests: header plus rows as dictionaries (BOM skipped).
struct CSVFile {
    var header: [String]
    var records: [[String]]

    var rows: [[String: String]] {
        records.map { Dictionary(zip(header, $0).map { ($0, $1) }, uniquingKeysWith: { a, _ in a }) }
    }

    init(path: String) throws {
        try self.init(data: Data(contentsOf: URL(fileURLWithPath: path)))
    }

    init(data: Data) throws {
        var text = String(decoding: data, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let all = CSVFile.parse(text)
        header = all.first ?? []
        records = Array(all.dropFirst())
    }

    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field); field = ""
            } else if c == "\r" || c == "\n" {
                if c == "\r", chars.first == "\n" { chars.removeFirst() }
                record.append(field); field = ""
                records.append(record); record = []
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        return records
    }
}
