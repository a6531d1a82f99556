import Foundation
import Testing
@testable import SeatPlanKit

/// The terminal and the page read the comparison's one ranking and its spans (PlanComparison): they rank
/// the plans the same way, and the spans a plan still leaves short add up to its shortage seat-years.
@Suite struct OneRankingTests {
    @Test(arguments: Repo.scenarios)
    func terminalAndPageRankTheSameWayAndSpansAddUp(path: String) throws {
        let (scenario, allocation) = try simulate(path: path)
        let comparison = PlanComparison(allocation, scenario: scenario)
        // The terminal's table: "  #  plan …" then one line per plan, rank first.
        let text = TerminalComparison.text(comparison, allocation: allocation, scenario: scenario)
        let lines = text.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("  #  plan") })
        let terminal = lines[(header + 1)...].prefix(allocation.outcomes.count).map {
            $0.split(separator: " ", omittingEmptySubsequences: true)[1]
        }.map(String.init)
        // The page's ranking table: rows with data-rank, in document order.
        let html = HTMLReport(allocation: allocation, comparison: comparison, scenario: scenario, language: .en).html
        let page = html.components(separatedBy: "data-plan=\"").dropFirst().compactMap { chunk -> String? in
            let plan = String(chunk.prefix { $0 != "\"" })
            return chunk.prefix(200).contains("data-rank=\"") ? plan : nil
        }
        #expect(terminal == comparison.ranked.map(\.plan))
        #expect(page == terminal, "page \(page) vs terminal \(terminal)")
        for m in comparison.measures where m.district == PlanComparison.allDistricts {
            let spans = comparison.spans[m.plan] ?? []
            let sum = spans.reduce(0) { $0 + $1.seatYears }
            #expect(abs(sum - m.shortageSeatYears) <= 1e-6 * max(1, m.shortageSeatYears), "\(m.plan): \(sum) vs \(m.shortageSeatYears)")
            // The flows the terminal and the page list add up to the pupils transferred.
            let flows = (comparison.flows[m.plan] ?? []).reduce(0) { $0 + $1.projectedTotal }
            #expect(abs(flows - m.pupilsTransferred) <= 1e-6 * max(1, flows), "\(m.plan): flows \(flows) vs \(m.pupilsTransferred)")
        }
    }
}
