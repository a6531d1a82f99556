/// The backtest units of a scenario: each district's counted history with its births, and with more than
/// one district their sum (`ALL`, level `total`).
public enum ScenarioHistory {
    public static func units(_ scenario: Scenario) -> [UnitHistory] {
        let stages = scenario.standards.stages
        let districts = scenario.districts.map { UnitHistory(district: $0, stages: stages) }
        guard districts.count > 1 else { return districts }
        var counts: [Int: [[Double]]] = [:]
        let common = districts.map { Set($0.counts.keys) }.reduce(Set(districts[0].counts.keys)) { $0.intersection($1) }
        for year in common {
            counts[year] = stages.enumerated().map { s, stage in
                (0..<stage.grades).map { g in districts.reduce(0) { $0 + ($1.counts[year]?[s][g] ?? 0) } }
            }
        }
        let birthYears = districts.map { Set($0.births.keys) }.reduce(Set(districts[0].births.keys)) { $0.intersection($1) }
        var births: [Int: Double] = [:]
        for year in birthYears { births[year] = districts.reduce(0) { $0 + ($1.births[year] ?? 0) } }
        return [UnitHistory(id: AreaGrid.allDistricts, level: .total, counts: counts, births: births)] + districts
    }
}
