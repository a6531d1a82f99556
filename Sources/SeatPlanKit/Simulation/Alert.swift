/// The early-warning status of a zone and stage in a year (学位预警).
public enum Alert: String, Sendable, CaseIterable, Comparable, BitwiseCopyable {
    case green
    case yellow
    case red
    /// Pupils and no seat: a blind spot of the zoning (学区盲区).
    case noSchool = "no_school"

    /// On unrounded utilisation: `no_school` when whole pupils > 0 and seats = 0; `red` at or above the red
    /// threshold; `yellow` at or above the yellow one; else `green`.
    public static func classify(wholePupils: Int, seats: Double, utilisation: Double?, thresholds: AlertThresholds) -> Alert {
        if seats <= 0 { return wholePupils > 0 ? .noSchool : .green }
        guard let utilisation else { return .green }
        if utilisation >= thresholds.red { return .red }
        if utilisation >= thresholds.yellow { return .yellow }
        return .green
    }

    /// Position in `allCases` (an array index, where a dictionary keyed by alert would hash every row).
    var position: Int { severity }

    private var severity: Int {
        switch self {
        case .green: return 0
        case .yellow: return 1
        case .red: return 2
        case .noSchool: return 3
        }
    }

    public static func < (a: Alert, b: Alert) -> Bool { a.severity < b.severity }
}
