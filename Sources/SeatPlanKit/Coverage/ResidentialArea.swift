/// A place where pupils live, for the service-radius check (MODEL.md, *Coverage*): an existing estate
/// (小区) of a district, or a housing development that has an `at`, counted from the year its first
/// dwellings are completed.
public struct ResidentialArea: Sendable {
    public enum Kind: String, Sendable {
        case estate
        case housing
    }

    public var kind: Kind
    public var id: String
    public var name: String
    /// Position of its district in the scenario.
    public var district: Int
    public var zone: String
    public var at: GeoPoint
    /// In the coverage from this year (`nil`: every year; an estate).
    public var firstYear: Int?
    /// Per stage position: whether the area has pupils of the stage (an estate always; housing, a yield
    /// above 0 for it).
    public var hasPupils: [Bool]
    /// Housing: pupils per 100 dwellings by stage position (estates: none).
    public var yield: [Double]
    /// Estate: its dwellings. Housing: dwellings completed by year.
    private var dwellingsByYear: [Int: Double]
    private var fixedDwellings: Double

    /// Dwellings standing in `year`: an estate's own count; housing, those completed in or before `year`.
    /// For the reports and maps only (no number of the model uses them).
    public func dwellings(in year: Int) -> Double {
        kind == .estate ? fixedDwellings : dwellingsByYear.filter { $0.key <= year }.reduce(0) { $0 + $1.value }
    }

    /// Every dwelling it will have (housing: all completions listed).
    public var allDwellings: Double {
        kind == .estate ? fixedDwellings : dwellingsByYear.values.reduce(0, +)
    }

    public func isPresent(in year: Int) -> Bool { firstYear.map { year >= $0 } ?? true }

    /// The residential areas of `scenario`: per district in file order, its estates (file order), then its
    /// housing with an `at` (file order).
    public static func all(_ scenario: Scenario) -> [ResidentialArea] {
        let stages = scenario.standards.stages
        var areas: [ResidentialArea] = []
        for (d, district) in scenario.districts.enumerated() {
            for estate in district.estates {
                areas.append(ResidentialArea(
                    kind: .estate, id: estate.id, name: estate.name, district: d, zone: estate.zone, at: estate.at,
                    firstYear: nil, hasPupils: stages.map { _ in true }, yield: stages.map { _ in 0 },
                    dwellingsByYear: [:], fixedDwellings: estate.dwellings))
            }
            for housing in district.housing {
                guard let at = housing.at else { continue }
                let yield = stages.map { housing.pupilsPer100Dwellings[$0.id] ?? 0 }
                areas.append(ResidentialArea(
                    kind: .housing, id: housing.id ?? housing.name, name: housing.name, district: d,
                    zone: housing.zone ?? district.id, at: at,
                    firstYear: housing.dwellings.filter { $0.value > 0 }.keys.min() ?? housing.dwellings.keys.min(),
                    hasPupils: yield.map { $0 > 0 }, yield: yield, dwellingsByYear: housing.dwellings,
                    fixedDwellings: 0))
            }
        }
        return areas
    }
}
