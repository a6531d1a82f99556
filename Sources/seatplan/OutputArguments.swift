import ArgumentParser
import Foundation
import SeatPlanKit

/// Options of the commands that write reports.
struct OutputArguments: ParsableArguments {
    @Option(name: .long, help: "Output folder (default: output/<scenario id>).")
    var out: String?

    @Flag(inversion: .prefixedNo,
          help: "Excel-friendly CSV: UTF-8 BOM and formula-safe text (default: the scenario's 'output: excel').")
    var excel: Bool?

    @Flag(inversion: .prefixedNo,
          help: "Also write report.xlsx: every report as a sheet, and the ranked plans (default: the scenario's 'output: xlsx').")
    var xlsx: Bool?

    @Option(name: .long, help: "Language of the terminal's, the page's and the workbook's own words (zh or en; default: the scenario's 'output: lang', else zh). Names from the scenario are shown as written.")
    var lang: ReportLanguage?

    /// `--lang`, else the scenario's `output.lang`, else Chinese.
    func language(for scenario: Scenario) -> ReportLanguage { lang ?? scenario.output.lang ?? .zh }

    @Option(name: .long, help: "grades.csv detail: zone (every grade of every zone), district (summed over zones) or none.")
    var grades: ReportSet.GradesDetail = .zone

    @Flag(name: .long, help: "Write map.geojson (for QGIS, ArcGIS, GDAL) even when the scenario has no coordinates (with coordinates it is always written).")
    var geojson = false

    func folder(for scenario: Scenario) -> String { out ?? "output/\(scenario.id)" }

    /// Writes the reports at once into the output folder, with `report.xlsx` when asked for (its overview
    /// from `comparison`); exit status 3 when that fails.
    func write(_ reports: inout ReportSet, for scenario: Scenario, comparison: PlanComparison? = nil,
               clock: inout PhaseClock) throws {
        if xlsx ?? scenario.output.xlsx {
            reports.add(Workbook(scenario: scenario, comparison: comparison, language: language(for: scenario)))
        }
        do {
            clock.rowsWritten += try clock.measure("write") { () throws(OutputDirectory.WriteError) in
                try reports.write(to: folder(for: scenario))
            }
        } catch {
            Diagnostics.print(summary: "error: \(error.description)")
            throw ExitCode(3)
        }
    }

    /// Projects and allocates, printing the diagnostics of a failure (exit status 1).
    static func simulate(_ compiled: CompiledScenario, plans: Set<String>? = nil, clock: inout PhaseClock) throws -> Allocation {
        do {
            let pipeline = Pipeline()
            let demand = try clock.measure("project") { () throws(ScenarioError) in try pipeline.project(compiled.scenario) }
            return clock.measure("allocate") { pipeline.allocate(compiled, demand: demand, plans: plans) }
        } catch {
            Diagnostics.print(error.diagnostics)
            Diagnostics.print(summary: "the projection failed; nothing was written")
            throw ExitCode(1)
        }
    }
}

extension ReportSet.GradesDetail: ExpressibleByArgument {}
