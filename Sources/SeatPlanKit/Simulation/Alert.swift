/// The early-warning status of a zone and stage in a year (学位预警).
public enum Alert: String, Sendable, CaseIterable, Comparable, BitwiseCopyable {
    case green
    case yellow
    case red
    /// Pupils and no seat: a blind spot of the zoning (学区盲区).
    case noSchool = "no_school"

    /// On unrounded utilisation: `no_school` when whole pupils > 0 and seats = 0; `red` at or above the red
    /// threshold; `yellow` at or above the yellow one; else `green`. A utilisation within `tolerance` below a
    /// threshold counts as reaching it: a zone filled exactly (a sender whose excess all found places) is full.
    public static func classify(wholePupils: Int, seats: Double, utilisation: Double?, thresholds: AlertThresholds) -> Alert {
        if seats <= 0 { return wholePupils > 0 ? .noSchool : .green }
        guard let utilisation else { return .green }
        if utilisation >= thresholds.red - tolerance { return .red }
        if utilisation >= thresholds.yellow - tolerance { return .yellow }
        return .green
    }

    /// 10⁻⁹ (MODEL.md): below this distance a utilisation counts as reaching a threshold.
    public static let tolerance = 1e-9

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
