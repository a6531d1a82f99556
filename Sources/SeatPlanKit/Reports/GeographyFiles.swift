/// The files of the geography (MODEL.md, *Coverage*), each written when the scenario has what it reports:
/// `coverage.csv` when it has residential areas and stages with a service radius, `townships.csv` when it
/// has township zones and a `kindergarten` stage, and `map.geojson` when any zone, school, build, estate or
/// housing has an `at` (or when asked for with `geojson`).
enum GeographyFiles {
    static func files(_ summary: CoverageSummary, scenario: Scenario, allocation: Allocation, writer: CSVWriter,
                      geojson: Bool) -> [ReportFile] {
        var files: [ReportFile] = []
        if !summary.coverage.isEmpty {
            let coverage = summary.coverage, layout = CoverageReport.Layout(coverage)
            let fields = CoverageReport.Fields(coverage, scenario: scenario, writer: writer)
            files.append(.csv("coverage.csv", columns: CoverageReport.columns, writer: writer,
                              rowCount: CoverageReport.rowCount(coverage, layout: layout)) {
                CoverageReport.fill(coverage, layout: layout, fields: fields, rows: $0, into: &$1)
            })
        }
        if !summary.townships.zones.isEmpty {
            files.append(.csv("townships.csv", columns: TownshipsReport.columns, writer: writer) {
                TownshipsReport.fill(summary.townships, into: &$0)
            })
        }
        if geojson || scenario.hasCoordinates {
            files.append(ReportFile(name: "map.geojson") { output in
                output.append(contentsOf: Array(GeoJSONReport.text(summary, allocation: allocation, scenario: scenario).utf8))
                return 0
            })
        }
        return files
    }
}

extension Scenario {
    /// Whether any zone, district, school, build, estate or housing has an `at`.
    public var hasCoordinates: Bool {
        zones.contains { $0.geography.at != nil } || districts.contains { !$0.estates.isEmpty }
            || districts.contains { $0.housing.contains { $0.at != nil } } || schools.contains { $0.at != nil }
            || plans.contains { $0.projects.contains { $0.at != nil } }
    }
}
