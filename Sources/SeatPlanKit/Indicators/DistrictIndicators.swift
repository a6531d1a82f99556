/// The bureau's indicators of one district (or `ALL`) under one plan in one year (MODEL.md, *Indicators
/// and ranking*): one row of `indicators.csv`, computed by `Indicators` from the capacity rows, the
/// district's own demand and the plan's schools. `nil` is an empty cell: a share with nothing to divide by,
/// or a number the scenario gives nothing to compute from.
public struct DistrictIndicators: Sendable {
    public var plan: String
    public var year: Int
    /// The district id, or `ALL`.
    public var district: String
    /// Classes formed and large classes (super-large ones included) over the compulsory stages.
    public var classesFormed: Int
    public var largeClasses: Int
    /// `large_classes ÷ classes_formed`; `nil` without classes.
    public var largeClassShare: Double?
    public var superLargeClasses: Int
    /// `Σ max(0, gap)` over the rows of every stage.
    public var shortageSeats: Double
    /// (area, stage) rows with alert `no_school`.
    public var noSchoolAreas: Int
    /// Township zones without an open public school with kindergarten classrooms (一乡一园); `nil` when the
    /// scenario has no `kindergarten` stage.
    public var townshipsWithoutPublicKindergarten: Int?
    /// Residential areas beyond reach for at least one stage (`BlindSpotSource`); `nil` without coverage.
    public var blindSpotAreas: Int?
    /// General ÷ (general + vocational) grade-1 pupils of the district's own demand (普职比); `nil` without
    /// `standards.upper_secondary` or without such pupils.
    public var generalShare: Double?
    /// `|general_share − target|`.
    public var generalShareDeviation: Double?
    /// Staff of each stage, in stage order.
    public var staff: [StaffIndicators]
    /// `Σ_s max(0, staff_gap_s)` over the stages with a gap; `nil` when no stage has one.
    public var staffShortage: Int?
    /// Pupils with disabilities of the compulsory stages and how they learn (unrounded); `nil` without
    /// `special_education`.
    public var disabledPupils: Double?
    public var inclusionPupils: Double?
    public var homePupils: Double?
    public var specialSchoolPupils: Double?
    /// `special` classrooms of the open schools × `standards.special_class_size`.
    public var specialSeats: Int
    /// `special_school_pupils − special_seats` (positive is a shortage); `nil` without pupils.
    public var specialGap: Double?

    /// The value an indicator of `ranking` shows, and the value it is ranked on (lower is better):
    /// `general_share` is shown as the share and ranked on its deviation from the target.
    public func ranked(_ indicator: String) -> (shown: Double?, ranked: Double?) {
        switch indicator {
        case "large_class_share": return (largeClassShare, largeClassShare)
        case "super_large_classes": return (Double(superLargeClasses), Double(superLargeClasses))
        case "shortage_seats": return (shortageSeats, shortageSeats)
        case "no_school_areas": return (Double(noSchoolAreas), Double(noSchoolAreas))
        case "townships_without_public_kindergarten":
            let value = townshipsWithoutPublicKindergarten.map(Double.init)
            return (value, value)
        case "blind_spot_areas":
            let value = blindSpotAreas.map(Double.init)
            return (value, value)
        case "general_share": return (generalShare, generalShareDeviation)
        case "staff_shortage":
            let value = staffShortage.map(Double.init)
            return (value, value)
        case "special_gap": return (specialGap, specialGap)
        default: return (nil, nil)
        }
    }

    /// Whether the indicator is a count (written as a whole number) rather than an amount or a share.
    public static func isCount(_ indicator: String) -> Bool {
        ["super_large_classes", "no_school_areas", "townships_without_public_kindergarten", "blind_spot_areas",
         "staff_shortage"].contains(indicator)
    }
}

/// Staff posts (教职工编制) of one stage in one district or `ALL`.
public struct StaffIndicators: Sendable, Equatable {
    /// `ceil(students ÷ staff_ratio − 10⁻⁹)`; `nil` for a stage without a staff ratio, and in a district for a
    /// scenario-level stage (its need meets in `ALL` only).
    public var needed: Int?
    /// The posts the district has (`staff`); in `ALL` their sum, `nil` if a district gives none.
    public var posts: Int?
    /// `needed − posts` (positive is a shortage); `nil` unless both are known.
    public var gap: Int? {
        guard let needed, let posts else { return nil }
        return needed - posts
    }

    public init(needed: Int?, posts: Int?) {
        self.needed = needed
        self.posts = posts
    }
}
