/// An administrative district (区/县, a US school district, an English local authority) with its births,
/// counted enrolment, migration, catchment zones and new housing.
public struct District: Sendable {
    public var id: String
    public var name: String
    /// Live births by calendar year; listed years form one unbroken run.
    public var births: [Int: Double]
    public var birthsLocation: SourceLocation
    /// Counted enrolment by school year (oldest first), each year by stage.
    public var enrollment: [EnrollmentYear]
    public var enrollmentLocation: SourceLocation
    /// Extra pupils newly admitted per projected year by stage (e.g. migrant workers' children, 随迁子女).
    public var migration: [String: Migration]
    /// Catchments; empty means the district is one zone with the district's id.
    public var zones: [Zone]
    /// The zone keys of a district without zones (it is its own zone): neighbours, township, at.
    public var ownZone = ZoneGeography()
    /// Existing residential areas (小区), for the service-radius check.
    public var estates: [Estate] = []
    /// Staff posts (教职工编制) by stage id.
    public var staff: [String: Int]?
    public var staffLocations: [String: SourceLocation] = [:]
    public var specialEducation: SpecialEducation?
    public var housing: [Housing]
    /// The district's own `projection` keys, applied over the scenario's.
    public var projection: ProjectionOverride
    /// The district's own `uncertainty` keys, applied over the scenario's.
    public var uncertainty: UncertaintyOverride
    public var location: SourceLocation

    public init(id: String, name: String, births: [Int: Double], birthsLocation: SourceLocation,
                enrollment: [EnrollmentYear], enrollmentLocation: SourceLocation, migration: [String: Migration], zones: [Zone],
                housing: [Housing], projection: ProjectionOverride, uncertainty: UncertaintyOverride = UncertaintyOverride(),
                location: SourceLocation) {
        self.id = id
        self.name = name
        self.births = births
        self.birthsLocation = birthsLocation
        self.enrollment = enrollment
        self.enrollmentLocation = enrollmentLocation
        self.migration = migration
        self.zones = zones
        self.housing = housing
        self.projection = projection
        self.uncertainty = uncertainty
        self.location = location
    }

    /// The zones that carry demand: the listed ones, or the whole district as one zone of share 1.
    public var effectiveZones: [Zone] {
        zones.isEmpty
            ? [Zone(id: id, name: name, share: 1, district: id, geography: ownZone, location: location)]
            : zones
    }

    /// Counted enrolment of a stage in a year, if listed.
    public func enrollment(year: Int, stage: String) -> [Double]? {
        enrollment.first { $0.year == year }?.rows[stage]?.counts
    }
}

/// Counted enrolment of one school year, by stage (each row lists the grades in order).
public struct EnrollmentYear: Sendable {
    public var year: Int
    public var rows: [String: EnrollmentRow]
    public var location: SourceLocation

    public init(year: Int, rows: [String: EnrollmentRow], location: SourceLocation) {
        self.year = year
        self.rows = rows
        self.location = location
    }
}

/// Pupils counted in each grade of one stage.
public struct EnrollmentRow: Sendable {
    public var counts: [Double]
    public var location: SourceLocation

    public init(counts: [Double], location: SourceLocation) {
        self.counts = counts
        self.location = location
    }
}

/// Extra pupils per projected year for one stage: the same number every year, or listed by year
/// (an unlisted year adds none).
public struct Migration: Sendable {
    public enum Amount: Sendable {
        case everyYear(Double)
        case byYear([Int: Double])
    }

    public var amount: Amount
    public var location: SourceLocation

    public init(amount: Amount, location: SourceLocation) {
        self.amount = amount
        self.location = location
    }

    /// `M(s, Y)`: pupils added in year `Y`.
    public func pupils(in year: Int) -> Double {
        switch amount {
        case .everyYear(let n): return n
        case .byYear(let table): return table[year] ?? 0
        }
    }
}

/// A catchment (学区): a share of its district's cohort demand and the schools that sit in it.
public struct Zone: Sendable {
    public var id: String
    public var name: String
    /// Share of the district's projected cohort demand (births, ratios and migration); a district's add up to 1.
    public var share: Double
    /// Id of the district the zone belongs to.
    public var district: String
    public var geography: ZoneGeography
    public var location: SourceLocation

    public init(id: String, name: String, share: Double, district: String, geography: ZoneGeography = ZoneGeography(),
                location: SourceLocation) {
        self.id = id
        self.name = name
        self.share = share
        self.district = district
        self.geography = geography
        self.location = location
    }

    public var neighbours: [String] { geography.neighbours }
}

/// The optional keys of a zone (or of a district that is its own zone): `neighbours` (zones whose schools
/// its pupils can reach; symmetric), `township` (a rural 乡镇, for 一乡一园) and `at`.
public struct ZoneGeography: Sendable {
    public var neighbours: [String]
    public var neighbourLocations: [SourceLocation]
    public var township: Bool
    public var at: GeoPoint?

    public init(neighbours: [String] = [], neighbourLocations: [SourceLocation] = [], township: Bool = false,
                at: GeoPoint? = nil) {
        self.neighbours = neighbours
        self.neighbourLocations = neighbourLocations
        self.township = township
        self.at = at
    }
}

/// A residential development: dwellings completed per year and the pupils each dwelling brings.
///
/// Yield is a stock: each completed dwelling adds `yield/100 × ramp` pupils to its zone's demand for a
/// stage, spread evenly over the grades, and these pupils are not fed into later progression.
public struct Housing: Sendable {
    public var name: String
    /// An id for reports and maps (`nil`: the name).
    public var id: String?
    /// Where it stands; with it, the development is a residential area of the coverage check.
    public var at: GeoPoint?
    /// The zone it lands in (`nil` only in a district without zones).
    public var zone: String?
    public var zoneLocation: SourceLocation?
    /// Dwellings completed by year.
    public var dwellings: [Int: Double]
    /// Pupils per 100 dwellings by stage.
    public var pupilsPer100Dwellings: [String: Double]
    public var yieldLocations: [String: SourceLocation]
    /// Share of the full yield reached `k` years after completion (`ramp[k]`, the last value from then on).
    /// Empty means full yield from the completion year.
    public var ramp: [Double]
    /// Delivery slip of the completions (Monte Carlo draws only); `nil`: the district's or scenario's `slip`.
    public var slip: SlipDistribution?
    public var location: SourceLocation

    public init(name: String, zone: String?, zoneLocation: SourceLocation?, dwellings: [Int: Double],
                pupilsPer100Dwellings: [String: Double], yieldLocations: [String: SourceLocation],
                ramp: [Double], slip: SlipDistribution? = nil, location: SourceLocation) {
        self.name = name
        self.zone = zone
        self.zoneLocation = zoneLocation
        self.dwellings = dwellings
        self.pupilsPer100Dwellings = pupilsPer100Dwellings
        self.yieldLocations = yieldLocations
        self.ramp = ramp
        self.slip = slip
        self.location = location
    }

    /// Ramp level `k` years after completion: 0 before completion, `ramp[k]`, then the last value.
    public func rampLevel(yearsAfterCompletion k: Int) -> Double {
        Self.rampLevel(ramp, yearsAfterCompletion: k)
    }

    /// The same for a given `ramp`.
    public static func rampLevel(_ ramp: [Double], yearsAfterCompletion k: Int) -> Double {
        guard k >= 0 else { return 0 }
        guard let last = ramp.last else { return 1 }
        return k < ramp.count ? ramp[k] : last
    }
}
