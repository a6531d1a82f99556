import Foundation

/// Births, enrolment and migration rows, each attached to the district (and zone) it names.
extension TableMerger {
    struct DistrictYear: Hashable {
        var district: Int
        var year: Int
    }

    mutating func addBirths(_ table: inout ScenarioTable) {
        let listedInYAML = districts.map { !$0.births.isEmpty }
        var seen: [DistrictYear: SourceLocation] = [:]
        for record in table.records {
            let d = district(record, in: &table)
            let year = table.year(record, "year")
            let births = table.number(record, "births", max: PlausibilityLimits.births)
            guard let d, let year, let births, let cell = table.cell(record, "year") else { continue }
            let key = DistrictYear(district: d, year: year)
            if let first = seen[key] {
                table.error(cell, "births of '\(districts[d].id)' in \(year) are given twice (first at \(first))",
                            hint: "keep one row per district and year")
                continue
            }
            if districts[d].births[year] != nil {
                table.error(cell, "births of '\(districts[d].id)' in \(year) are given both under 'births:' (\(districts[d].birthsLocation)) and here",
                            hint: "keep one of them")
                continue
            }
            seen[key] = table.location(cell)
            if !listedInYAML[d], districts[d].births.isEmpty, let first = table.cell(record, "district") {
                districts[d].birthsLocation = table.location(first)
            }
            districts[d].births[year] = births
        }
    }

    /// One district, year and stage of the enrolment table, gathered from its rows (one per grade).
    struct EnrollmentGroup {
        var district: Int
        var year: Int
        var stage: Stage
        var counts: [Double?]
        var gradeLocations: [SourceLocation?]
        /// The stage, year and district cells of its first row.
        var stageLocation: SourceLocation
        var yearLocation: SourceLocation
        var districtLocation: SourceLocation
        /// Per grade: counted by zone (`true`), for the whole district (`false`), not yet (`nil`).
        var zoned: [Bool?] = []
        var zonesSeen: Set<String> = []
    }

    struct GroupKey: Hashable {
        var district: Int
        var year: Int
        var stage: String
    }

    mutating func addEnrollment(_ table: inout ScenarioTable, standards: Standards) {
        var stages: [String: Stage] = [:]
        for stage in standards.stages where stages[stage.id] == nil { stages[stage.id] = stage }
        let stageList = standards.stages.map(\.id).joined(separator: ", ")
        var groups: [EnrollmentGroup] = []
        var position: [GroupKey: Int] = [:]
        for record in table.records {
            let year = table.year(record, "year")
            let d = district(record, in: &table)
            let stageID = table.text(record, "stage")
            var stage: Stage?
            if let stageID, let cell = table.cell(record, "stage") {
                stage = stages[stageID]
                if stage == nil {
                    let suggestion = YAMLReader.closest(to: stageID, in: Array(stages.keys.sorted())).map { "did you mean '\($0)'? " } ?? ""
                    table.repeatedError(cell, "enrolment names stage '\(stageID)', which is not a stage",
                                        hint: "\(suggestion)use one of: \(stageList)")
                }
            }
            let grade = stage.flatMap { self.grade(record, of: $0, in: &table) }
            let students = table.number(record, "students", max: PlausibilityLimits.pupils)
            // Counts by zone are added up to their district (the model's history is by district).
            let zone = table.optionalText(record, "zone")
            if let zone, let d, let cell = table.cell(record, "zone"),
               !(districts[d].zones.isEmpty ? zone == districts[d].id : districts[d].zones.contains { $0.id == zone }) {
                table.repeatedError(cell, "enrolment names zone '\(zone.prefix(40))', which is not a zone of '\(districts[d].id)'",
                                    hint: "use a zone of the district, or leave 'zone' empty")
                continue
            }
            guard let year, let d, let stage, let grade, let students,
                  let stageCell = table.cell(record, "stage"), let gradeCell = table.cell(record, "grade"),
                  let yearCell = table.cell(record, "year"), let districtCell = table.cell(record, "district")
            else { continue }
            let key = GroupKey(district: d, year: year, stage: stage.id)
            let g: Int
            if let existing = position[key] {
                g = existing
            } else {
                g = groups.count
                position[key] = g
                groups.append(EnrollmentGroup(district: d, year: year, stage: stage,
                                              counts: Array(repeating: nil, count: stage.grades),
                                              gradeLocations: Array(repeating: nil, count: stage.grades),
                                              stageLocation: table.location(stageCell),
                                              yearLocation: table.location(yearCell),
                                              districtLocation: table.location(districtCell),
                                              zoned: Array(repeating: nil, count: stage.grades)))
            }
            let zoneKey = "\(zone ?? "")\u{1}\(grade)"
            if zone != nil, groups[g].zoned[grade] != false, groups[g].zonesSeen.insert(zoneKey).inserted {
                groups[g].zoned[grade] = true
                groups[g].counts[grade] = (groups[g].counts[grade] ?? 0) + students
                groups[g].gradeLocations[grade] = groups[g].gradeLocations[grade] ?? table.location(gradeCell)
                continue
            }
            if let first = groups[g].gradeLocations[grade] {
                table.error(gradeCell, "grade \(grade + 1) of '\(stage.id)' (named '\(stage.gradeNames[grade])') of '\(districts[d].id)' in \(year) is given twice (first at \(first))",
                            hint: "keep one row per year, district, stage and grade; grades are read by their names (standards: grade_names) before numbers")
                continue
            }
            groups[g].counts[grade] = students
            groups[g].gradeLocations[grade] = table.location(gradeCell)
            groups[g].zoned[grade] = false
        }

        let completenessChecked = !table.hadErrors
        let listedInYAML = districts.map { !$0.enrollment.isEmpty }
        var yearPositions: [Int: [Int: Int]] = [:]
        for group in groups {
            let d = group.district
            let missing = group.counts.indices.filter { group.counts[$0] == nil }
            if !missing.isEmpty {
                if completenessChecked {
                    let names = missing.map { group.stage.gradeNames[$0] }.joined(separator: ", ")
                    diagnostics.error(at: group.stageLocation,
                                      "the \(group.stage.id) enrolment of '\(districts[d].id)' in \(group.year) has no row for grade(s) \(names)",
                                      hint: "give one row per grade (\(group.stage.gradeNames.joined(separator: ", "))), 0 where there are no pupils")
                }
                continue
            }
            if yearPositions[d] == nil {
                yearPositions[d] = Dictionary(districts[d].enrollment.enumerated().map { ($0.element.year, $0.offset) },
                                              uniquingKeysWith: { a, _ in a })
            }
            if let p = yearPositions[d]?[group.year], let yaml = districts[d].enrollment[p].rows[group.stage.id] {
                diagnostics.error(at: group.stageLocation,
                                  "the \(group.stage.id) enrolment of '\(districts[d].id)' in \(group.year) is given both under 'enrollment:' (\(yaml.location)) and here",
                                  hint: "keep one of them")
                continue
            }
            if !listedInYAML[d], districts[d].enrollment.isEmpty {
                districts[d].enrollmentLocation = group.districtLocation
            }
            let row = EnrollmentRow(counts: group.counts.map { $0 ?? 0 }, location: group.stageLocation)
            if let p = yearPositions[d]?[group.year] {
                districts[d].enrollment[p].rows[group.stage.id] = row
            } else {
                yearPositions[d]?[group.year] = districts[d].enrollment.count
                districts[d].enrollment.append(EnrollmentYear(year: group.year, rows: [group.stage.id: row],
                                                              location: group.yearLocation))
            }
        }
        for d in yearPositions.keys { districts[d].enrollment.sort { $0.year < $1.year } }
    }

    /// The 0-based grade a row names: by the stage's grade name first, else by its 1-based number.
    func grade(_ record: CSVRecord, of stage: Stage, in table: inout ScenarioTable) -> Int? {
        guard let text = table.text(record, "grade"), let cell = table.cell(record, "grade") else { return nil }
        if let named = stage.gradeNames.firstIndex(of: text) { return named }
        if let number = Int(text), (1...stage.grades).contains(number) { return number - 1 }
        table.repeatedError(cell, "'\(text.prefix(40))' is not a grade of '\(stage.id)'",
                            hint: "write a grade number from 1 to \(stage.grades) or a grade name (\(stage.gradeNames.joined(separator: ", ")))")
        return nil
    }

    struct DistrictStage: Hashable {
        var district: Int
        var stage: String
    }

    mutating func addMigration(_ table: inout ScenarioTable) {
        var fromTable: [DistrictStage: (location: SourceLocation, everyYear: SourceLocation?, years: [Int: SourceLocation])] = [:]
        for record in table.records {
            let d = district(record, in: &table)
            let stage = table.text(record, "stage")
            var year: Int?
            var yearGiven = false
            if table.optionalText(record, "year") != nil {
                yearGiven = true
                year = table.year(record, "year")
            }
            let pupils = table.number(record, "pupils", max: PlausibilityLimits.pupils)
            guard let d, let stage, let pupils, !yearGiven || year != nil,
                  let stageCell = table.cell(record, "stage") else { continue }
            let cell = yearGiven ? table.cell(record, "year") ?? stageCell : stageCell
            let key = DistrictStage(district: d, stage: stage)
            let place = table.location(cell)
            guard var entry = fromTable[key] else {
                if let yaml = districts[d].migration[stage] {
                    table.error(stageCell, "the \(stage) migration of '\(districts[d].id)' is given both under 'migration:' (\(yaml.location)) and here",
                                hint: "keep one of them")
                    continue
                }
                let location = table.location(stageCell)
                fromTable[key] = (location, yearGiven ? nil : place, year.map { [$0: place] } ?? [:])
                districts[d].migration[stage] = Migration(amount: year.map { .byYear([$0: pupils]) } ?? .everyYear(pupils),
                                                         location: location)
                continue
            }
            let hint = "give either one row with 'year' empty (the same pupils every projected year) or one row per year"
            if let every = entry.everyYear {
                table.error(cell, "the \(stage) migration of '\(districts[d].id)' is already given for every year (at \(every))", hint: hint)
                continue
            }
            guard let year else {
                table.error(cell, "the \(stage) migration of '\(districts[d].id)' is given by year (first at \(entry.location)), and here for every year",
                            hint: hint)
                continue
            }
            if let first = entry.years[year] {
                table.error(cell, "the \(stage) migration of '\(districts[d].id)' in \(year) is given twice (first at \(first))",
                            hint: "keep one row per district, stage and year")
                continue
            }
            entry.years[year] = place
            fromTable[key] = entry
            if case .byYear(var byYear) = districts[d].migration[stage]?.amount {
                byYear[year] = pupils
                districts[d].migration[stage]?.amount = .byYear(byYear)
            }
        }
    }
}
