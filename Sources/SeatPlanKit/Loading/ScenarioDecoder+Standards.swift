import Foundation
internal import Yams

/// `standards:`: the stages, their class sizes and bands, catchments and overflow.
extension ScenarioDecoder {
    mutating func standards(_ node: Node) -> Standards? {
        guard let map = reader.mapping(node, what: "'standards'", keys: ScenarioKeys.standards)
        else { return nil }
        var standards = Standards.chineseDefaults(at: map.location)
        if let stagesNode = map.value("stages") {
            guard let stages = list(stagesNode, what: "'stages'", item: { $0.stage($1) }) else { return nil }
            if reader.isEmptyList(stagesNode) {
                reader.error(stagesNode, "'stages' is empty", hint: "list at least one stage, or leave 'stages' out for the national defaults")
            }
            standards.stages = stages
        }
        if let node = map.value("large_class"), let value = reader.int(node, what: "'large_class'", min: 1, max: PlausibilityLimits.classSize) {
            standards.largeClass = value
        }
        if let node = map.value("super_large_class"), let value = reader.int(node, what: "'super_large_class'", min: 1, max: PlausibilityLimits.classSize) {
            standards.superLargeClass = value
        }
        if standards.superLargeClass < standards.largeClass,
           let node = map.value("super_large_class") ?? map.value("large_class") {
            reader.error(node, "'super_large_class' (\(standards.superLargeClass)) is below 'large_class' (\(standards.largeClass))",
                         hint: "a super-large class is the larger one: e.g. large 56, super-large 66")
        }
        if let node = map.value("compulsory"), let items = reader.sequence(node, what: "'compulsory'") {
            standards.compulsory = items.compactMap { reader.string($0, what: "a compulsory stage") }
            standards.compulsoryLocation = reader.location(node)
        }
        if let node = map.value("upper_secondary") { standards.upperSecondary = upperSecondary(node) }
        if let node = map.value("special_class_size"),
           let value = reader.int(node, what: "'special_class_size'", min: 1, max: 1000) {
            standards.specialClassSize = value
        }
        if let node = map.value("alerts"),
           let alerts = reader.mapping(node, what: "'alerts'", keys: ScenarioKeys.alerts) {
            if let node = alerts.value("yellow"), let value = reader.double(node, what: "'yellow'", min: 0, max: 100) {
                standards.alerts.yellow = value
            }
            if let node = alerts.value("red"), let value = reader.double(node, what: "'red'", min: 0, max: 100) {
                standards.alerts.red = value
            }
            if standards.alerts.yellow > standards.alerts.red, let node = alerts.value("yellow") ?? alerts.value("red") {
                reader.error(node, "the yellow alert (\(standards.alerts.yellow)) is above the red one (\(standards.alerts.red))",
                             hint: "yellow warns before red: e.g. yellow 0.90, red 1.00")
            }
        }
        return standards
    }

    mutating func stage(_ node: Node) -> Stage? {
        guard let map = reader.mapping(node, what: "a stage", keys: ScenarioKeys.stage)
        else { return nil }
        let id = map.value("id").flatMap { reader.string($0, what: "a stage's 'id'") }
        let name = map.value("name").flatMap { reader.string($0, what: "a stage's 'name'") }
        var grades = map.value("grades").flatMap { reader.int($0, what: "'grades'", min: 1) }
        if let node = map.value("grades"), let count = grades, count > Self.maxGrades {
            reader.error(node, "a stage of \(count) grades is not plausible", hint: "a stage has at most \(Self.maxGrades) grades")
            grades = nil
        }
        var feed: Stage.Feed?
        switch (map.value("entry_age"), map.value("from")) {
        case (let age?, nil):
            feed = reader.int(age, what: "'entry_age'", min: 0, max: 30).map { .births(entryAge: $0) }
        case (nil, let from?):
            feed = reader.string(from, what: "'from'").map { .stage($0) }
        case (_?, _?):
            reader.error(node, "a stage has both 'entry_age' and 'from'",
                         hint: "keep 'entry_age' for a stage fed by births or 'from' for one fed by another stage")
        case (nil, nil):
            reader.error(node, "a stage has neither 'entry_age' nor 'from'",
                         hint: "add 'entry_age: 6' (fed by births) or 'from: primary' (fed by another stage)")
        }
        var classSizes: [Int]?
        if let sizeNode = map.value("class_size") {
            if case .sequence = sizeNode {
                let sizes = reader.sequence(sizeNode, what: "'class_size'")?
                    .map { reader.int($0, what: "a class size", min: 1, max: PlausibilityLimits.classSize) }
                if let sizes, sizes.allSatisfy({ $0 != nil }) {
                    classSizes = sizes.compactMap { $0 }
                    if let grades, sizes.count != grades {
                        reader.error(sizeNode, "'class_size' lists \(sizes.count) sizes for \(grades) grades",
                                     hint: "give one class size per grade, or a single number for all")
                        classSizes = nil
                    }
                }
            } else if let size = reader.int(sizeNode, what: "'class_size'", min: 1, max: PlausibilityLimits.classSize), let grades {
                classSizes = Array(repeating: size, count: grades)
            }
        }
        var gradeNames: [String]?
        if let namesNode = map.value("grade_names"),
           let names = reader.sequence(namesNode, what: "'grade_names'")?.map({ reader.string($0, what: "a grade name") }),
           names.allSatisfy({ $0 != nil }) {
            gradeNames = names.compactMap { $0 }
            if let grades, names.count != grades {
                reader.error(namesNode, "'grade_names' lists \(names.count) names for \(grades) grades",
                             hint: "give one name per grade")
                gradeNames = nil
            }
        }
        guard let id, let grades, let feed, let classSizes else { return nil }
        var stage = Stage(id: id, name: name ?? id, grades: grades, feed: feed, classSizes: classSizes,
                          gradeNames: gradeNames, location: reader.location(node))
        stage.catchment = map.value("catchment").flatMap { choice($0, what: "catchment", of: Catchment.self) }
        stage.overflow = map.value("overflow").flatMap { choice($0, what: "overflow", of: Overflow.self) } ?? .none
        stage.largeClass = map.value("large_class").flatMap { reader.int($0, what: "'large_class'", min: 1, max: 1000) }
        stage.superLargeClass = map.value("super_large_class")
            .flatMap { reader.int($0, what: "'super_large_class'", min: 1, max: 1000) }
        if let large = stage.largeClass, let superLarge = stage.superLargeClass, superLarge < large,
           let node = map.value("super_large_class") {
            reader.error(node, "the stage's 'super_large_class' (\(superLarge)) is below its 'large_class' (\(large))",
                         hint: "a super-large class is the larger one: e.g. large 36, super-large 41")
        }
        stage.serviceRadiusSetting = map.value("service_radius_m")
            .flatMap { reader.double($0, what: "'service_radius_m'", min: 0, max: 100_000) }
        stage.staffRatioSetting = map.value("staff_ratio").flatMap { reader.double($0, what: "'staff_ratio'", min: 0.1, max: 1000) }
        return stage
    }
}
