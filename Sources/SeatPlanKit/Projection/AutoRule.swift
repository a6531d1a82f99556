/// How `auto` turns a unit's own history up to an origin into the ratios it projects with
/// (`MethodSelector`; the evidence for the default is in docs/FORECASTING.md).
public enum AutoRule: String, Sendable, CaseIterable {
    /// Per stage, the candidate whose projections of the stage total from every earlier counted year `t` to
    /// `t+1 … t+3` (all `≤ T`) had the lowest mean absolute percentage error; a tie goes to the candidate
    /// listed first.
    case select
    /// Per unit, the candidate with the lowest mean absolute percentage error of its one-year-ahead estimates
    /// of every observed ratio `x_y` (`y ≤ T`) from the values before `y`, pooled over all the unit's grades
    /// and stages; a tie goes to the candidate listed first.
    case pooled
    /// As `pooled`, with the errors pooled over every unit of the same level of a backtest too (one choice
    /// for all of them at each origin). Backtest only: a scenario's projection chooses district by district.
    case pooledUnits = "pooled_units"
    /// No choice: each ratio is the mean of the candidates' estimates of it (an equal-weight combination).
    case combine
}
