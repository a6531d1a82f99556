import Foundation
import Testing
import TestSupport
@testable import SeatPlanKit

@Suite struct CSVWriterTests {
    func render(_ cells: [CSVCell], excel: Bool = false) -> String {
        var table = CSVTable(columns: cells.indices.map { "c\($0)" }, writer: CSVWriter(excel: excel))
        table.append(cells)
        return String(decoding: table.data, as: UTF8.self)
    }

    @Test func quotesFieldsAsRFC4180() {
        let text = render([.text("a,b"), .text("say \"hi\""), .text("two\nlines"), .text("plain")])
        #expect(text == "c0,c1,c2,c3\r\n\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",plain\r\n")
    }

    @Test func numbersHaveFixedDecimalsAndNoSeparators() {
        let text = render([.integer(1234567), .decimal(1.047770, places: 4), .decimal(-0.00001, places: 4),
                           .decimal(45.625, places: 2), .decimal(nil, places: 2), .whole(-2.5)])
        #expect(text.hasSuffix("1234567,1.0478,0.0000,45.63,,-3\r\n"))
    }

    @Test func excelGetsABOMAndFormulaSafeTextButNumbersStayNumbers() {
        let text = render([.text("=SUM(A1)"), .text("+1"), .text("-x"), .text("@me"), .text("中文"), .integer(-5),
                           .decimal(-1.5, places: 1)], excel: true)
        #expect(text.hasPrefix("\u{FEFF}c0,"))
        #expect(text.hasSuffix("'=SUM(A1),'+1,'-x,'@me,中文,-5,-1.5\r\n"))
    }

    @Test func decimalsRoundHalfAwayFromZero() {
        #expect(CSVWriter.format(45.625, places: 2) == "45.63")
        #expect(CSVWriter.format(-45.625, places: 2) == "-45.63")
        #expect(CSVWriter.format(0.00004, places: 4) == "0.0000")
        #expect(CSVWriter.format(-0.00004, places: 4) == "0.0000")
        #expect(CSVWriter.format(1.05, places: 1) == "1.1")
        #expect(CSVWriter.format(7, places: 0) == "7")
        #expect(CSVWriter.format(0.000123, places: 6) == "0.000123")
        #expect(CSVWriter.format(.infinity, places: 2) == "")
    }

    @Test func withoutExcelTextIsUntouched() {
        let text = render([.text("=1+1")])
        #expect(!text.hasPrefix("\u{FEFF}"))
        #expect(text.hasSuffix("=1+1\r\n"))
    }

    @Test func aReportTableKeepsItsColumnsAndOrder() throws {
        let (scenario, allocation) = try simulate(tinyScenario)
        let files = ReportSet(allocation: allocation, scenario: scenario, excel: false).files
        #expect(files.map(\.name) == ReportSet.fileNames)
        let capacity = try CSVFile(data: files[0].data)
        #expect(capacity.header.prefix(18).joined(separator: ",") ==
            "plan,year,district,zone,stage,students,seats,gap,utilisation,classes_needed,classrooms,classroom_shortage,large_classes,super_large_classes,max_class_size,mean_class_size,unplaced,alert")
        // 3 plans × 4 years × 2 zones × 2 stages
        #expect(capacity.records.count == 48)
    }
}
