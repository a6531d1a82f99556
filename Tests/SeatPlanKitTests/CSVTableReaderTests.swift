import Foundation
import Testing
@testable import SeatPlanKit

/// The RFC 4180 reader of the scenario tables: fields, quoting, line ends, and where each problem is.
@Suite struct CSVTableReaderTests {
    /// Reads `bytes` as the file `t.csv`: the document (if any) and the diagnostics.
    func read(_ bytes: [UInt8]) -> (CSVDocument?, [Diagnostic]) {
        var diagnostics = DiagnosticCollector()
        let document = CSVTableReader.read(Data(bytes), file: "t.csv", into: &diagnostics)
        return (document, diagnostics.sorted)
    }

    func read(_ text: String) -> (CSVDocument?, [Diagnostic]) { read(Array(text.utf8)) }

    func texts(_ document: CSVDocument?) -> [[String]] {
        document?.records.map { $0.cells.map(\.text) } ?? []
    }

    func places(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location.line):\($0.location.column)" }
    }

    @Test func quotedFieldsKeepCommasAndDoubledQuotes() throws {
        let (document, diagnostics) = read("id,name,note\n1,\"a, b\",\"say \"\"hi\"\"\"\n2,\"\",plain\n")
        #expect(diagnostics.isEmpty)
        let doc = try #require(document)
        #expect(doc.header.map(\.text) == ["id", "name", "note"])
        #expect(texts(doc) == [["1", "a, b", "say \"hi\""], ["2", "", "plain"]])
        #expect(doc.records[0].cells.map(\.column) == [1, 3, 10])
        #expect(doc.records[1].cells[1].quoted && !doc.records[1].cells[2].quoted)
        #expect(!doc.hadErrors)
    }

    @Test func aQuotedLineBreakIsTextAndCountsAsALine() throws {
        let (document, diagnostics) = read("id,name\n1,\"two\nlines\"\n2,x\n")
        #expect(diagnostics.isEmpty)
        let doc = try #require(document)
        #expect(texts(doc) == [["1", "two\nlines"], ["2", "x"]])
        #expect(doc.records[1].line == 4)
    }

    @Test func crlfAndLoneCRLineEnds() throws {
        let (crlf, _) = read("id,name\r\n1,a\r\n2,b\r\n")
        #expect(texts(crlf) == [["1", "a"], ["2", "b"]])
        #expect(crlf?.records.map(\.line) == [2, 3])
        let (cr, _) = read("id,name\r1,a\r2,b")
        #expect(texts(cr) == [["1", "a"], ["2", "b"]])
        #expect(cr?.records.map(\.line) == [2, 3])
    }

    @Test func aByteOrderMarkIsNotPartOfTheHeader() throws {
        let (document, diagnostics) = read([0xEF, 0xBB, 0xBF] + Array("id,name\n1,a\n".utf8))
        #expect(diagnostics.isEmpty)
        #expect(document?.header.map(\.text) == ["id", "name"])
        #expect(document?.header[0].column == 1)
    }

    @Test func theLastRowNeedsNoLineEnd() {
        let (document, _) = read("a,b\n1,2")
        #expect(texts(document) == [["1", "2"]])
    }

    @Test func blankRowsAreSkipped() {
        let (document, diagnostics) = read("a,b\n\n1,2\n,\n\n3,4\n\n")
        #expect(diagnostics.isEmpty)
        #expect(texts(document) == [["1", "2"], ["3", "4"]])
        #expect(document?.records.map(\.line) == [3, 6])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsText() {
        let (document, diagnostics) = read("a,b\n5\" pipe,2\n")
        #expect(diagnostics.isEmpty)
        #expect(texts(document) == [["5\" pipe", "2"]])
    }

    @Test func columnsAreCountedInCharacters() throws {
        let (document, _) = read("名称,b\n北区一片,x\n")
        let doc = try #require(document)
        #expect(doc.header[1].column == 4)
        #expect(doc.records[0].cells[1].column == 6)
    }

    @Test func aRowWithTooFewOrTooManyFieldsIsAnErrorWhereTheFieldIsMissingOrExtra() throws {
        let (document, diagnostics) = read("a,b,c\n1,2\n1,2,3,4\n1,2,3\n")
        let doc = try #require(document)
        #expect(texts(doc) == [["1", "2", "3"]])
        #expect(doc.hadErrors)
        #expect(places(diagnostics) == ["2:4", "3:7"])
        #expect(diagnostics[0].message.contains("this row has 2 field(s); the header has 3 (a, b, c)"))
        #expect(diagnostics[1].message.contains("this row has 4 fields; the header has 3"))
        #expect(diagnostics[1].hint.contains("in quotes"))
    }

    @Test func manyRowsWithTheSameWrongCountAreOneError() {
        let (_, diagnostics) = read("a,b,c\n1,2\n3,4\n5,6\n")
        #expect(places(diagnostics) == ["2:4"])
        #expect(diagnostics.first?.message.hasSuffix("(in 3 rows; this is the first)") == true)
    }

    @Test func anUnterminatedQuoteIsAnErrorAtItsOpeningAndKeepsTheRowsBefore() throws {
        let (document, diagnostics) = read("a,b\n1,2\n3,\"open\n4,5\n")
        let doc = try #require(document)
        #expect(texts(doc) == [["1", "2"]])
        #expect(doc.hadErrors)
        #expect(places(diagnostics) == ["3:3"])
        #expect(diagnostics[0].message == "this quoted field is not closed")
    }

    @Test func anUnterminatedQuoteInTheHeaderLeavesNoTable() {
        let (document, diagnostics) = read("a,\"b\n1,2\n")
        #expect(document == nil)
        #expect(places(diagnostics) == ["1:3"])
    }

    @Test func textAfterAClosingQuoteIsAnErrorAndDropsTheRow() {
        let (document, diagnostics) = read("a,b\n\"x\"y,2\n3,4\n")
        #expect(texts(document) == [["3", "4"]])
        #expect(places(diagnostics) == ["2:4"])
        #expect(diagnostics.first?.message == "text after the closing quote of a field")
    }

    @Test func anEmptyFileHasNoHeader() {
        for text in ["", "\n\n", "\u{FEFF}"] {
            let (document, diagnostics) = read(text)
            #expect(document == nil)
            #expect(places(diagnostics) == ["1:1"])
            #expect(diagnostics.first?.message.contains("needs a header row") == true)
        }
    }

    @Test func aFileThatIsNotUTF8IsAnErrorAtTheFirstBadByte() {
        // 南 in GBK.
        let (document, diagnostics) = read(Array("id,name\nsouth,".utf8) + [0xC4, 0xCF] + [0x0A])
        #expect(document == nil)
        #expect(places(diagnostics) == ["2:7"])
        #expect(diagnostics.first?.message.contains("not UTF-8") == true)
    }
}
