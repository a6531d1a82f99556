/// `townships.csv` (一乡一园, MODEL.md, *Coverage*): per plan (baseline first), year of the rows and
/// township zone (zone file order), the public schools open in it with kindergarten classrooms, those
/// classrooms, and whether it has none.
enum TownshipsReport {
    static let columns = ["plan", "year", "district", "zone", "public_kindergartens", "public_kindergarten_classrooms",
                          "without_public_kindergarten"]

    static func fill(_ townships: TownshipKindergartens, into table: inout CSVTable) {
        let J = townships.zones.count
        for (p, plan) in townships.plans.enumerated() {
            for t in 0..<townships.yearCount {
                for j in 0..<J {
                    table.append([.text(plan.plan), .integer(townships.baseYear + t), .text(townships.districts[j]),
                                  .text(townships.zoneIDs[j]), .integer(plan.schools[t * J + j]),
                                  .integer(plan.classrooms[t * J + j]),
                                  .text(townships.isWithout(plan: p, t: t, township: j) ? "yes" : "no")])
                }
            }
        }
    }
}
