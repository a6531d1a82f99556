import Foundation
internal import CXlsxWriter

/// The look of a cell: a number format, bold, a fill and a font colour (`0xRRGGBB`), a rule below.
struct CellStyle: Hashable, Sendable {
    var numberFormat: String? = nil
    var bold = false
    var fill: UInt32? = nil
    var font: UInt32? = nil
    var ruleBelow = false
}

/// An `.xlsx` file written through libxlsxwriter: the only Swift code that calls it.
///
/// Written in constant-memory mode: each sheet's rows go to a temporary file as they are written (so a
/// sheet of a million rows never sits in memory), which means rows must be written in increasing order
/// within a sheet; column widths, the frozen header and the autofilter may be set at any time before
/// `close()`. Nothing is written at the path until `close()`, which assembles the file; a failure of any
/// call is remembered and thrown by `close()`.
final class XLSXWriter {
    struct Failure: Error, Sendable {
        var reason: String
    }

    /// Rows and columns of a sheet (Excel's limits).
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    private var workbook: UnsafeMutablePointer<lxw_workbook>?
    private var sheets: [UnsafeMutablePointer<lxw_worksheet>] = []
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private let temporaryFolder: UnsafeMutablePointer<CChar>?
    /// Bytes of the string being written, NUL-terminated for the C call.
    private var scratch: [CChar] = []
    private var failure: String?

    /// A new workbook to be written at `path`, titled `title`; its temporary files go to `temporaryFolder`.
    /// Its creation time (shown by Excel, and the zip entries' dates) is `created` seconds after 1970, not
    /// the clock's: the same reports give the same bytes.
    init(path: String, temporaryFolder: String, title: String, created: Int) throws(Failure) {
        self.temporaryFolder = strdup(temporaryFolder)
        var options = lxw_workbook_options(constant_memory: 1, tmpdir: self.temporaryFolder, use_zip64: 1)
        guard let workbook = workbook_new_opt(path, &options) else {
            free(self.temporaryFolder)
            throw Failure(reason: "cannot create \(path)")
        }
        self.workbook = workbook
        let title = strdup(title)
        defer { free(title) }
        var properties = lxw_doc_properties()
        properties.title = title
        properties.created = time_t(created)
        check(workbook_set_properties(workbook, &properties), "the workbook's properties")
    }

    deinit {
        // A workbook never closed (an error on the way): free it without writing the file.
        if let workbook { lxw_workbook_free(workbook) }
        free(temporaryFolder)
    }

    /// Adds a sheet named `name` (at most 31 characters, none of `[]:*?/\`); returns its number.
    func addSheet(_ name: String) throws(Failure) -> Int {
        guard let workbook, let sheet = workbook_add_worksheet(workbook, name) else {
            throw Failure(reason: "cannot add the sheet '\(name)'")
        }
        sheets.append(sheet)
        return sheets.count - 1
    }

    private func format(_ style: CellStyle?) -> UnsafeMutablePointer<lxw_format>? {
        guard let style, let workbook else { return nil }
        if let made = formats[style] { return made }
        let made = workbook_add_format(workbook)
        if let number = style.numberFormat { format_set_num_format(made, number) }
        if style.bold { format_set_bold(made) }
        if let fill = style.fill {
            format_set_pattern(made, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(made, fill)
        }
        if let font = style.font { format_set_font_color(made, font) }
        if style.ruleBelow { format_set_bottom(made, UInt8(LXW_BORDER_THIN.rawValue)) }
        formats[style] = made
        return made
    }

    private func check(_ error: lxw_error, _ what: @autoclosure () -> String) {
        if error != LXW_NO_ERROR, failure == nil {
            failure = "\(what()): \(String(cString: lxw_strerror(error)))"
        }
    }

    func number(_ sheet: Int, row: Int, column: Int, _ value: Double, style: CellStyle? = nil) {
        check(worksheet_write_number(sheets[sheet], lxw_row_t(row), lxw_col_t(column), value, format(style)),
              "row \(row + 1), column \(column + 1)")
    }

    func string(_ sheet: Int, row: Int, column: Int, _ text: String, style: CellStyle? = nil) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { string(sheet, row: row, column: column, utf8: UnsafeRawBufferPointer($0), style: style) }
    }

    /// A text cell from UTF-8 bytes (no NUL among them).
    func string(_ sheet: Int, row: Int, column: Int, utf8: UnsafeRawBufferPointer, style: CellStyle? = nil) {
        scratch.removeAll(keepingCapacity: true)
        for byte in utf8 { scratch.append(CChar(bitPattern: byte)) }
        scratch.append(0)
        let error = scratch.withUnsafeBufferPointer {
            worksheet_write_string(sheets[sheet], lxw_row_t(row), lxw_col_t(column), $0.baseAddress, format(style))
        }
        check(error, "row \(row + 1), column \(column + 1)")
    }

    /// Sets the width of `column` in characters of the default font.
    func setWidth(_ sheet: Int, column: Int, _ width: Double) {
        check(worksheet_set_column(sheets[sheet], lxw_col_t(column), lxw_col_t(column), width, nil), "column width")
    }

    /// Keeps the first `rows` rows in view when scrolling.
    func freezeRows(_ sheet: Int, _ rows: Int) {
        worksheet_freeze_panes(sheets[sheet], lxw_row_t(rows), 0)
    }

    /// Filter buttons on row `headerRow`, over the rows to `lastRow` and columns `0…lastColumn`.
    func autofilter(_ sheet: Int, headerRow: Int, lastRow: Int, lastColumn: Int) {
        check(worksheet_autofilter(sheets[sheet], lxw_row_t(headerRow), 0, lxw_row_t(lastRow), lxw_col_t(lastColumn)),
              "autofilter")
    }

    /// Writes the file; throws the first failure of any call (and then writes nothing).
    func close() throws(Failure) {
        if let failure { throw Failure(reason: failure) }
        guard let workbook else { return }
        self.workbook = nil
        let error = workbook_close(workbook)
        if error != LXW_NO_ERROR { throw Failure(reason: String(cString: lxw_strerror(error))) }
    }
}
