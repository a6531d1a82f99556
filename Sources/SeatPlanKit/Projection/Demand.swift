/// Projected pupils of every district, stage, grade and year, with the zone split and housing:
/// the output of `DemandProjector`, the same for every plan.
///
/// Year position `t` runs `0 … horizon` for `baseYear + t`; `t = 0` holds the counted enrolment.
public struct Demand: Sendable {
    public var baseYear: Int
    public var horizon: Int
    public var districts: [DistrictDemand]
    /// Every estimated number, in district, stage, grade order.
    public var assumptions: [Assumption]

    public var yearCount: Int { horizon + 1 }
    public func year(_ t: Int) -> Int { baseYear + t }
}

/// Demand of one district: its cohort and migration pupils by stage and grade, and each zone's housing.
public struct DistrictDemand: Sendable {
    /// Pupils carried by the ratios from counted pupils and births, `[stage][grade][t]`.
    public var cohort: [[[Double]]]
    /// Extra migration pupils, carried forward with their cohort, `[stage][grade][t]`.
    public var migration: [[[Double]]]
    /// Share of the district's cohort demand of each of its zones (district zone order).
    public var zoneShares: [Double]
    /// Housing pupils of each zone, `[zone][stage][grade][t]` (not progressed: a stock).
    public var zoneHousing: [[[[Double]]]]

    /// The pupils of one grade of one zone in year position `t`, by component.
    public func pupils(zone: Int, stage: Int, grade: Int, t: Int) -> GradePupils {
        series(zone: zone, stage: stage, grade: grade)[t]
    }

    /// The pupils of one grade of one zone in every year (the arrays looked up once).
    public func series(zone: Int, stage: Int, grade: Int) -> ZoneGradeSeries {
        ZoneGradeSeries(share: zoneShares[zone], cohort: cohort[stage][grade], migration: migration[stage][grade],
                        housing: zoneHousing[zone][stage][grade])
    }
}

/// One grade of one zone over the years: the district's cohort and migration pupils times the zone's share,
/// plus the zone's housing pupils.
public struct ZoneGradeSeries: Sendable {
    let share: Double
    let cohort: [Double]
    let migration: [Double]
    let housing: [Double]

    /// `E_t = share × cohort_t + share × migration_t + housing_t`, by component.
    public subscript(t: Int) -> GradePupils {
        GradePupils(cohort: share * cohort[t], migration: share * migration[t], housing: housing[t])
    }
}

/// Pupils of one grade by where they come from; the components add up to the total.
public struct GradePupils: Sendable, Equatable, BitwiseCopyable {
    /// From counted pupils and births, through the ratios.
    public var cohort: Double
    /// From extra migration (and its progression).
    public var migration: Double
    /// From new housing.
    public var housing: Double
    /// Moved in from neighbouring zones (positive) or out to them (negative) by a plan's transfers.
    public var transfer: Double

    public init(cohort: Double, migration: Double, housing: Double, transfer: Double = 0) {
        self.cohort = cohort
        self.migration = migration
        self.housing = housing
        self.transfer = transfer
    }

    public var total: Double { cohort + migration + housing + transfer }

    public static let zero = GradePupils(cohort: 0, migration: 0, housing: 0)

    public static func += (a: inout GradePupils, b: GradePupils) {
        a.cohort += b.cohort
        a.migration += b.migration
        a.housing += b.housing
        a.transfer += b.transfer
    }
}
