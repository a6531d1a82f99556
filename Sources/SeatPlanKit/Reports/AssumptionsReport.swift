/// `assumptions.csv`: every estimated number and where it comes from — each ratio with its method,
/// window and the observed values used; each births trend with its coefficients, standard errors and
/// R²; and each projected year's births.
enum AssumptionsReport {
    static let columns = [
        "district", "stage", "grade", "parameter", "year", "value", "method", "window", "n", "observed",
        "std_error", "r_squared", "note",
    ]

    static func fill(_ demand: Demand, into table: inout CSVTable) {
        for a in demand.assumptions {
            let observed = a.observed.map { "\($0.year)=\(compact($0.value))" }.joined(separator: ";")
            table.append([
                .text(a.district), a.stage.map { .text($0) } ?? .empty, .integer(a.grade), .text(a.parameter.rawValue),
                .integer(a.year), .decimal(a.value, places: 6), .text(a.method), .integer(a.window),
                .integer(a.observed.isEmpty ? nil : a.n), .text(observed),
                .decimal(a.standardError, places: 6), .decimal(a.rSquared, places: 6), .text(a.note),
            ])
        }
    }

    /// A whole number as such (births, counts), anything else with 6 decimals.
    static func compact(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : CSVWriter.format(value, places: 6)
    }
}
