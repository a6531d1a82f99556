/// `transfers.csv`: every move of pupils to a neighbouring zone, per plan in the order made (MODEL.md,
/// *Transfers*): year, stage, from district and zone, to district and zone, pupils (unrounded).
enum TransfersReport {
    static let columns = ["plan", "year", "stage", "from_district", "from_zone", "to_district", "to_zone", "pupils"]

    static func fill(_ allocation: Allocation, into table: inout CSVTable) {
        let grid = allocation.grid
        for outcome in allocation.outcomes {
            for move in outcome.rows.moves {
                table.append([
                    .text(outcome.plan.id), .integer(grid.baseYear + move.t), .text(grid.stages[move.stage].id),
                    .text(grid.districtIDs[grid.districtOfZone[move.from]]), .text(grid.zoneIDs[move.from]),
                    .text(grid.districtIDs[grid.districtOfZone[move.to]]), .text(grid.zoneIDs[move.to]),
                    .decimal(move.pupils, places: 6),
                ])
            }
        }
    }
}
