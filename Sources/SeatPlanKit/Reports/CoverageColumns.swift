/// The coverage columns at the end of `comparison.csv` (see `CoverageSummary` for each measure):
/// blind-spot area-years, dwellings in blind spots in the last projected year, township-years without a
/// public kindergarten.
enum CoverageColumns {
    static func cells(_ m: CoverageSummary.Measures?) -> [CSVCell] {
        [.integer(m?.blindSpotAreaYears ?? 0), .whole(m?.blindSpotDwellings ?? 0),
         .integer(m?.townshipYearsWithoutPublicKindergarten ?? 0)]
    }
}
