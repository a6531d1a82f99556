/// Where each summary measure of a draw sits: `[((k · (D + 1) + d) · S + s) · measures + m]`, district
/// `D` being the whole scenario.
struct SummaryLayout: Sendable {
    enum Measure: Int, CaseIterable {
        case shortageSeatYears, peakShortage, redAreaYears, noSchoolAreaStageYears, superLargeAreaYears, largestClass
    }

    let networks: Int
    let districts: Int
    let stages: Int
    let years: Int

    static let measures = Measure.allCases.count
    var perDraw: Int { networks * (districts + 1) * stages * Self.measures }

    func offset(network k: Int, district d: Int, stage s: Int) -> Int {
        ((k * (districts + 1) + d) * stages + s) * Self.measures
    }
}
