import Foundation

/// A history read from plain CSV exports, without a scenario — what a planner exports first:
/// enrolment `year,unit,grade,students` (one row per year, unit and grade) and optionally births
/// `year,unit,births` (without `unit`: the births of the whole area, used by every unit).
///
/// Column names are matched without case, with the aliases of common exports: year `year|fall_year`,
/// unit `unit|school|district|zone`, students `students|enrollment|enrolment|pupils`, births year
/// `year|birth_year`. Other columns are ignored, except `classrooms` (classrooms used), kept for the class
/// organisation check. Grades not listed in `grades` are skipped and counted.
///
/// Refused, each at its cell: a count that is not plain decimal digits (`0x40`, `inf`, `1,5`); a second row
/// for the same year, unit and grade (not summed: an export that repeats a row would double it); a year
/// of a unit that lacks one of the grades (its total would silently shrink); a birth year listed twice for
/// the same unit (or area).
public struct PlainHistory: Sendable {
    public var units: [UnitHistory]
    public var stage: Stage
    /// Classrooms used by unit, year and grade position, when the enrolment file has them.
    public var classrooms: [String: [Int: [Int: Double]]]
    /// Pupils by unit, year and grade position where the classrooms are given (what the class check reads).
    public var pupils: [String: [Int: [Int: Double]]]
    public var skippedRows: Int

    /// The id of the unit that sums all units.
    public static let totalID = AreaGrid.allDistricts

    /// Reads a CSV file with `CSVTableReader`; a missing file or one without a header is an error. The
    /// reader's diagnostics about rows are returned apart (`rows`), to be added only once the header shows
    /// the file is what it should be: no line of another file (named by mistake) is ever quoted.
    static func document(_ path: String, into out: inout DiagnosticCollector) throws(ScenarioError)
        -> (document: CSVDocument, rows: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError([.error(at: SourceLocation(file: path, line: 1, column: 1), "cannot read the CSV file",
                                        hint: "check the path and that the file is readable")])
        }
        var reading = DiagnosticCollector()
        guard let document = CSVTableReader.read(data, file: path, into: &reading) else {
            throw ScenarioError(out.sorted + reading.sorted)
        }
        return (document, reading.sorted)
    }

    public static func read(enrollment: String, births: String?, grades: [String], entryAge: Int,
                            classSizes: [Int]) throws(ScenarioError) -> PlainHistory {
        var out = DiagnosticCollector()
        let (file, rowErrors) = try document(enrollment, into: &out)
        let yearColumn = file.column(["year", "fall_year"])
        let unitColumn = file.column(["unit", "school", "district", "zone"])
        let gradeColumn = file.column(["grade"])
        let studentsColumn = file.column(["students", "enrollment", "enrolment", "pupils"])
        let classroomsColumn = file.column(["classrooms"])
        let headerAt = SourceLocation(file: enrollment, line: 1, column: 1)
        for (name, column) in [("year", yearColumn), ("unit", unitColumn), ("grade", gradeColumn), ("students", studentsColumn)]
        where column == nil {
            out.error(at: headerAt, "the enrolment file has no '\(name)' column",
                      hint: "name the columns year,unit,grade,students (header row)")
        }
        if out.hasErrors { throw ScenarioError(out.sorted) }
        for diagnostic in rowErrors { out.add(diagnostic) }
        let position = Dictionary(grades.enumerated().map { ($0.element.lowercased(), $0.offset) }, uniquingKeysWith: { a, _ in a })
        // Units numbered in the order first met; per unit and year the grades' counts, the line of each
        // grade's row (0: none yet), classrooms, and where the unit's year first appears.
        struct UnitYear {
            var counts: [Double]
            var lines: [Int]
            var rooms: [Double?]
            var at: SourceLocation
            var found = 0
        }
        var unitIndex: [String: Int] = [:]
        var unitOrder: [String] = []
        var years: [[Int: UnitYear]] = []
        var skipped = 0
        for record in file.records {
            let row = record.cells
            let yearCell = row[yearColumn!], unitCell = row[unitColumn!], gradeCell = row[gradeColumn!], countCell = row[studentsColumn!]
            guard let year = Int(yearCell.text.trimmingWhitespace), (1900...2200).contains(year) else {
                out.error(at: file.location(yearCell), "'\(yearCell.text)' is not a year", hint: "write a four-digit year")
                continue
            }
            guard let g = position[gradeCell.text.trimmingWhitespace.lowercased()] else { skipped += 1; continue }
            guard let count = Self.number(countCell.text), count <= PlausibilityLimits.pupils else {
                out.error(at: file.location(countCell), "'\(countCell.text)' is not a pupil count",
                          hint: "write a whole number from 0 to \(Int(PlausibilityLimits.pupils)) in decimal digits")
                continue
            }
            let unit = unitCell.text.trimmingWhitespace
            let u: Int
            if let known = unitIndex[unit] {
                u = known
            } else {
                u = unitOrder.count
                unitIndex[unit] = u
                unitOrder.append(unit)
                years.append([:])
            }
            if years[u][year] == nil {
                years[u][year] = UnitYear(counts: Array(repeating: 0, count: grades.count),
                                          lines: Array(repeating: 0, count: grades.count),
                                          rooms: Array(repeating: nil, count: grades.count), at: file.location(yearCell))
            }
            let line = years[u][year]!.lines[g]
            if line > 0 {
                out.error(at: file.location(countCell),
                          "a second row for unit '\(unit)', year \(year), grade \(grades[g]) (the first is on line \(line))",
                          hint: "keep one row per year, unit and grade; rows are not summed")
                continue
            }
            years[u][year]!.lines[g] = countCell.line
            years[u][year]!.counts[g] = count
            years[u][year]!.found += 1
            if let c = classroomsColumn, let rooms = Self.number(row[c].text) { years[u][year]!.rooms[g] = rooms }
        }
        var birthsByUnit: [String: [Int: Double]] = [:]
        var areaBirths: [Int: Double] = [:]
        if let births {
            let (records, birthRowErrors) = try document(births, into: &out)
            let year = records.column(["year", "birth_year"]), count = records.column(["births"])
            let unit = records.column(["unit", "school", "district", "zone"])
            if year == nil || count == nil {
                out.error(at: SourceLocation(file: births, line: 1, column: 1), "the births file needs 'year' and 'births' columns",
                          hint: "name the columns year,births (or year,unit,births)")
            } else {
                for diagnostic in birthRowErrors { out.add(diagnostic) }
                var firstBirths: [String: Int] = [:]
                for row in records.records.map(\.cells) {
                    guard let y = Int(row[year!].text.trimmingWhitespace), (1900...2200).contains(y),
                          let b = Self.number(row[count!].text), b <= PlausibilityLimits.births else {
                        out.error(at: records.location(row[year!]), "this births row is not 'year,births'",
                                  hint: "write a four-digit year and a count from 0 to \(Int(PlausibilityLimits.births)) in decimal digits")
                        continue
                    }
                    let owner = unit.map { row[$0].text.trimmingWhitespace } ?? ""
                    if let line = firstBirths["\(owner)\u{0}\(y)"] {
                        out.error(at: records.location(row[year!]),
                                  "births of \(y)\(unit == nil ? "" : " for '\(owner)'") are listed twice (first on line \(line))",
                                  hint: "keep one row per birth year\(unit == nil ? "" : " and unit")")
                        continue
                    }
                    firstBirths["\(owner)\u{0}\(y)"] = row[year!].line
                    if let unit { birthsByUnit[row[unit].text.trimmingWhitespace, default: [:]][y] = b } else { areaBirths[y] = b }
                }
            }
        }
        // (After a rejected row, the grade it would have given is not reported missing as well.)
        let rowsRejected = out.hasErrors
        for (u, unit) in unitOrder.enumerated() where !rowsRejected {
            for (year, entry) in years[u].sorted(by: { $0.key < $1.key }) where entry.found < grades.count {
                let missing = grades.indices.filter { entry.lines[$0] == 0 }.map { grades[$0] }.joined(separator: ", ")
                out.error(at: entry.at, "unit '\(unit)' has no row for grade \(missing) in \(year)",
                          hint: "add the missing row (with 0 students if the grade was empty), or leave the whole year of that unit out")
            }
        }
        if out.hasErrors { throw ScenarioError(out.sorted) }
        let stage = Stage(id: "grades", name: grades.joined(separator: "–"), grades: grades.count,
                          feed: .births(entryAge: entryAge), classSizes: classSizes, gradeNames: grades,
                          location: headerAt)
        // Complete years only (every grade counted), as one stage; the total sums the units' years.
        var total: [Int: [Double]] = [:]
        var classrooms: [String: [Int: [Int: Double]]] = [:]
        var pupils: [String: [Int: [Int: Double]]] = [:]
        for (u, unit) in unitOrder.enumerated() {
            for (year, entry) in years[u] {
                var sum = total[year] ?? Array(repeating: 0, count: grades.count)
                for g in 0..<grades.count where entry.lines[g] > 0 { sum[g] += entry.counts[g] }
                total[year] = sum
                // The class check reads the pupils of the grades whose classrooms are given.
                for g in 0..<grades.count {
                    guard let rooms = entry.rooms[g] else { continue }
                    classrooms[unit, default: [:]][year, default: [:]][g] = rooms
                    pupils[unit, default: [:]][year, default: [:]][g] = entry.counts[g]
                }
            }
        }
        let totalBirths = birthsByUnit.isEmpty ? areaBirths
            : birthsByUnit.values.reduce(into: [Int: Double]()) { sum, table in for (y, b) in table { sum[y, default: 0] += b } }
        var units = [UnitHistory(id: totalID, level: .total,
                                 counts: total.mapValues { [$0] }, births: totalBirths)]
        for unit in unitOrder.sorted() {
            let u = unitIndex[unit]!
            var counts: [Int: [[Double]]] = [:]
            for (year, entry) in years[u] where entry.found == grades.count { counts[year] = [entry.counts] }
            units.append(UnitHistory(id: unit, level: .unit, counts: counts, births: birthsByUnit[unit] ?? areaBirths))
        }
        return PlainHistory(units: units, stage: stage, classrooms: classrooms, pupils: pupils, skippedRows: skipped)
    }
}

extension PlainHistory {
    /// The bytes a plain decimal count may have: digits, a point, an exponent and its sign.
    private static let numberBytes = Set("0123456789.eE+-".utf8)

    /// A count written in plain decimal digits (with a decimal point or exponent at most): not hex
    /// (`0x40`, which `Double` would read as 64), `inf`, `nan`, or a sign.
    static func number(_ text: String) -> Double? {
        let text = text.trimmingWhitespace
        // Bytes, not characters: every allowed one is ASCII, so a byte outside the set refuses the text.
        guard let first = text.utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first),
              text.utf8.allSatisfy({ Self.numberBytes.contains($0) }), let value = Double(text), value.isFinite else {
            return nil
        }
        return value
    }
}

extension CSVDocument {
    /// The position of the first header among `names` (aliases of one column, lower case), if any.
    func column(_ names: [String]) -> Int? {
        header.firstIndex { names.contains($0.trimmed.lowercased()) }
    }
}
