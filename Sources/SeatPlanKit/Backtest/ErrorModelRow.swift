/// What the ranges of one level, origin and method were drawn with (`backtest --draws`): a row of
/// `error_model.csv`. `c`, `w` and `ν` are the level's (`ErrorShares.estimate` over its units' errors of the
/// candidates `auto` chooses at the origin), `ρ` and `δ` the method's own (`ErrorShares.persistence`), each
/// from the one-year-ahead errors up to the origin only; `σ_u` is each unit's (its median here).
public struct ErrorModelRow: Sendable, Equatable {
    public var level: UnitHistory.Level
    public var origin: Int
    /// Index into the result's methods.
    public var method: Int
    /// Units with a spread for the method at the origin, and the one-year-ahead ratio errors they rest on.
    public var units: Int
    public var errors: Int
    /// The median over those units of `σ_u = √(Σ r² / n)` (`GSL.median`; 0 without units).
    public var medianSpread: Double
    /// `c`, `w` of the level; `ρ`, `δ` of the method; `ν` of the level.
    var shares: ErrorShares
}
