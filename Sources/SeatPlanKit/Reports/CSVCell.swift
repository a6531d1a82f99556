import Foundation

/// One cell of a report: text, or a number with a fixed number of decimals.
public enum CSVCell: Sendable, Equatable {
    case text(String)
    case integer(Int)
    /// A number written with exactly `places` decimals (`-0` written as `0`).
    case decimal(Double, places: Int)
    case empty

    /// A number or empty when `nil`.
    public static func decimal(_ value: Double?, places: Int) -> CSVCell {
        value.map { .decimal($0, places: places) } ?? .empty
    }

    public static func integer(_ value: Int?) -> CSVCell {
        value.map { .integer($0) } ?? .empty
    }

    /// A pupil or seat count, rounded half away from zero to a whole number.
    public static func whole(_ value: Double) -> CSVCell {
        .integer(WholeNumbers.roundToInt(value))
    }
}
