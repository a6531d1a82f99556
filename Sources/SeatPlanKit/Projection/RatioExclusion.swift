/// The years a district's ratio estimation leaves out: those listed under `exclude_years`, and the common
/// shocks of the scenario's districts unless `exclude_shocks: false` (a ratio observation is skipped when
/// either of its years is one; docs/FORECASTING.md, "A shock at the origin").
struct RatioExclusion: Sendable {
    /// Every year left out.
    let years: Set<Int>
    /// The common shocks among them.
    let shocks: [CommonShockDetector.Shock]

    init(settings: ProjectionSettings, shocks: [CommonShockDetector.Shock]) {
        self.shocks = settings.excludeShocks ? shocks : []
        years = settings.excludedYears.union(self.shocks.map(\.year))
    }

    /// What `assumptions.csv` says of it: `years 2020, 2021 excluded (common shock 2020: the districts'
    /// ratios moved −28.1 % together, 11 of 12 the same way)`; `nil` when nothing is left out.
    var note: String? {
        guard !years.isEmpty else { return nil }
        let listed = years.sorted().map(String.init).joined(separator: ", ")
        let why = shocks.map { shock in
            let move = Assumption.plain((100 * shock.commonMove * 10).rounded() / 10)
            let same = Int((shock.sameSign * Double(shock.units)).rounded())
            return "common shock \(shock.year): the districts' ratios moved \(move) % together, \(same) of \(shock.units) the same way"
        }
        return "years \(listed) excluded" + (why.isEmpty ? "" : " (" + why.joined(separator: "; ") + ")")
    }
}
