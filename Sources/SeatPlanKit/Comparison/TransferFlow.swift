/// The pupils one zone sends to a neighbouring zone for a stage under a plan, year by year (the moves of
/// `transfers.csv` gathered by sender, receiver and stage): which zone sends how many where, each year.
public struct TransferFlow: Sendable {
    public var stage: String
    public var fromDistrict: String
    public var fromZone: String
    public var toDistrict: String
    public var toZone: String
    /// Unrounded pupils moved in each year of the rows (0 where none), from the base year.
    public var pupilsByYear: [Double]
    public var firstYear: Int

    /// Pupils moved over the projected years (the base year left out, as the comparison counts).
    public var projectedTotal: Double { pupilsByYear.dropFirst().reduce(0, +) }

    /// The flows of one plan's moves, in the order their first move was made.
    static func flows(_ moves: [TransferPass.Move], grid: AreaGrid) -> [TransferFlow] {
        var position: [Int: Int] = [:]   // (stage, from, to) as one key → index in `flows`
        var flows: [TransferFlow] = []
        for move in moves {
            let key = (move.stage * grid.zoneCount + move.from) * grid.zoneCount + move.to
            if position[key] == nil {
                position[key] = flows.count
                flows.append(TransferFlow(
                    stage: grid.stages[move.stage].id,
                    fromDistrict: grid.districtIDs[grid.districtOfZone[move.from]], fromZone: grid.zoneIDs[move.from],
                    toDistrict: grid.districtIDs[grid.districtOfZone[move.to]], toZone: grid.zoneIDs[move.to],
                    pupilsByYear: Array(repeating: 0, count: grid.yearCount), firstYear: grid.baseYear))
            }
            flows[position[key]!].pupilsByYear[move.t] += move.pupils
        }
        return flows
    }
}
