/// `standards.upper_secondary`: the general and vocational upper-secondary stages and the target share of
/// general intake (普职比; MODEL.md, *Indicators and ranking*).
public struct UpperSecondary: Sendable {
    public var general: String
    public var vocational: String
    /// Target general share of grade-1 intake (0.5: 大体相当).
    public var target: Double
    public var location: SourceLocation
    /// Where the general and the vocational stage ids are written (default: `location`).
    public var generalLocation: SourceLocation
    public var vocationalLocation: SourceLocation

    public init(general: String, vocational: String, target: Double, location: SourceLocation) {
        self.general = general
        self.vocational = vocational
        self.target = target
        self.location = location
        generalLocation = location
        vocationalLocation = location
    }
}

/// A district's `special_education: { rate, inclusion, home }` (特殊教育).
public struct SpecialEducation: Sendable {
    /// Share of the compulsory stages' students with disabilities.
    public var rate: Double
    /// Share of those in mainstream classes (随班就读).
    public var inclusion: Double
    /// Share of those taught at home (送教上门); the rest need special-school seats.
    public var home: Double
    public var location: SourceLocation

    public init(rate: Double, inclusion: Double, home: Double, location: SourceLocation) {
        self.rate = rate
        self.inclusion = inclusion
        self.home = home
        self.location = location
    }
}

/// An entry of `ranking:`: an indicator the districts are ranked on and its weight in the score.
public struct RankingEntry: Sendable {
    public var indicator: String
    public var weight: Double
    public var location: SourceLocation

    public init(indicator: String, weight: Double, location: SourceLocation) {
        self.indicator = indicator
        self.weight = weight
        self.location = location
    }
}
