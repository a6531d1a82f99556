/// The colour and dash of each plan's lines and points, the same on every chart of the page.
///
/// Colours from the Okabe–Ito palette, which readers with the common colour-vision deficiencies can tell
/// apart; the baseline is a dashed grey. After eight plans the colours repeat with a dotted line.
struct PlanStyle: Sendable, Equatable {
    var color: String
    var dash: String?
}

enum PlanPalette {
    static let baseline = PlanStyle(color: "#767676", dash: "6 3")
    static let colors = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#8c6d31", "#5e3c99"]
    /// Pupils: the one line every capacity chart has.
    static let pupils = "#1f1f1f"
    /// Shortfall shading.
    static let shortage = "#d62728"

    /// Styles of `plans` (ids, baseline included) in their order.
    static func styles(_ plans: [String]) -> [String: PlanStyle] {
        var styles: [String: PlanStyle] = [:]
        var next = 0
        for plan in plans where styles[plan] == nil {
            if plan == Plan.baselineID {
                styles[plan] = baseline
            } else {
                styles[plan] = PlanStyle(color: colors[next % colors.count], dash: next < colors.count ? nil : "2 2")
                next += 1
            }
        }
        return styles
    }
}
