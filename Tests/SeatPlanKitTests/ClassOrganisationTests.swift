import Testing
@testable import SeatPlanKit

@Suite struct ClassOrganisationTests {
    @Test func enoughRoomsGiveEveryGradeItsClasses() {
        let o = ClassOrganisation(pupils: [91, 45, 0], classSizes: [45, 45, 45], classrooms: 10)
        #expect(o.classes == [3, 1, 0])
        #expect(o.classesNeeded == 4)
        #expect(o.maxClassSize == 45)  // 91 over 3 classes: 31, 30, 30; 45 in one
        #expect(o.unplaced == 0)
        #expect(close(o.meanClassSize, 136.0 / 4))
    }

    @Test func roomsGoFirstToGradesWithoutAClass() {
        // Two rooms, three grades with pupils: largest n/c first (100, then 50); the 10 are unplaced.
        let o = ClassOrganisation(pupils: [100, 10, 50], classSizes: [45, 45, 45], classrooms: 2)
        #expect(o.classes == [1, 0, 1])
        #expect(o.unplaced == 10)
        #expect(o.placed == 150)
        #expect(o.maxClassSize == 100)
        #expect(close(o.meanClassSize, 75))
    }

    @Test func thenToTheGradeMostOverStandard() {
        // 4th room: 100/45 > 50/45 > 10/45 → grade 1.
        #expect(ClassOrganisation(pupils: [100, 10, 50], classSizes: [45, 45, 45], classrooms: 4).classes == [2, 1, 1])
        // 5th room: 100/90 = 50/45 tie → the lower grade.
        let five = ClassOrganisation(pupils: [100, 10, 50], classSizes: [45, 45, 45], classrooms: 5)
        #expect(five.classes == [3, 1, 1])
        #expect(five.maxClassSize == 50)
    }

    @Test func perGradeClassSizesWeighTheOrder() {
        // 60/30 = 2 beats 60/40 = 1.5 for the first room and for the third.
        #expect(ClassOrganisation(pupils: [60, 60], classSizes: [30, 40], classrooms: 1).classes == [1, 0])
        #expect(ClassOrganisation(pupils: [60, 60], classSizes: [30, 40], classrooms: 3).classes == [2, 1])
    }

    @Test func largeAndSuperLargeClassesAreCounted() {
        // 6 rooms for [71, 69, 74] at 30: rooms 1–3 one each, then 74/30, 71/30, 69/30 → [2, 2, 2];
        // classes 36+35, 35+34, 37+37.
        let o = ClassOrganisation(pupils: [71, 69, 74], classSizes: [30, 30, 30], classrooms: 6)
        #expect(o.classes == [2, 2, 2])
        #expect(o.classes(atLeast: 36) == 3)
        #expect(o.classes(atLeast: 37) == 2)
        #expect(o.maxClassSize == 37)
        #expect(close(o.meanClassSize, 214.0 / 6))
    }

    @Test func noRoomsLeavesEveryoneUnplaced() {
        let o = ClassOrganisation(pupils: [12, 0, 7], classSizes: [45, 45, 45], classrooms: 0)
        #expect(o.classesNeeded == 2)
        #expect(o.classesFormed == 0)
        #expect(o.unplaced == 19)
        #expect(o.maxClassSize == 0 && o.meanClassSize == 0)
    }

    @Test func emptyGradesNeedNoClass() {
        let o = ClassOrganisation(pupils: [0, 0, 0], classSizes: [45, 45, 45], classrooms: 0)
        #expect(o.classesNeeded == 0 && o.unplaced == 0 && o.maxClassSize == 0)
    }

    /// The direct computation gives what handing the rooms out one at a time gives.
    @Test func directAllocationMatchesOneRoomAtATime() {
        var random = SplitMix64(seed: 20251129)
        for _ in 0..<3000 {
            let grades = Int(random.next() % 8) + 1
            let pupils = (0..<grades).map { _ in random.next() % 4 == 0 ? 0 : Int(random.next() % 900) }
            let sizes = (0..<grades).map { _ in [25, 30, 45, 50][Int(random.next() % 4)] }
            let needed = zip(pupils, sizes).reduce(0) { $0 + ($1.0 + $1.1 - 1) / $1.1 }
            let rooms = Int(random.next() % UInt64(max(needed, 1) + 1))
            let fast = ClassOrganisation(pupils: pupils, classSizes: sizes, classrooms: rooms).classes
            #expect(fast == oneAtATime(pupils: pupils, sizes: sizes, rooms: rooms), "pupils \(pupils) sizes \(sizes) rooms \(rooms)")
        }
    }

    /// MODEL.md's rule, literally: each room to the grade most over standard.
    func oneAtATime(pupils: [Int], sizes: [Int], rooms: Int) -> [Int] {
        let needed = zip(pupils, sizes).map { ($0 + $1 - 1) / $1 }
        if rooms >= needed.reduce(0, +) { return needed }
        var classes = Array(repeating: 0, count: pupils.count)
        for _ in 0..<rooms {
            var best: Int?
            for g in pupils.indices where pupils[g] > 0 {
                guard let b = best else { best = g; continue }
                let gEmpty = classes[g] == 0, bEmpty = classes[b] == 0
                if gEmpty != bEmpty { if gEmpty { best = g }; continue }
                // n_g / (k_g c_g) > n_b / (k_b c_b), cross-multiplied
                if pupils[g] * max(classes[b], 1) * sizes[b] > pupils[b] * max(classes[g], 1) * sizes[g] { best = g }
            }
            guard let chosen = best else { break }
            classes[chosen] += 1
        }
        return classes
    }
}

@Suite struct AlertTests {
    let thresholds = AlertThresholds(yellow: 0.9, red: 1.0)

    @Test func thresholdsAreInclusive() {
        #expect(Alert.classify(wholePupils: 90, seats: 100, utilisation: 0.9, thresholds: thresholds) == .yellow)
        #expect(Alert.classify(wholePupils: 100, seats: 100, utilisation: 1.0, thresholds: thresholds) == .red)
        #expect(Alert.classify(wholePupils: 90, seats: 100, utilisation: 0.8999, thresholds: thresholds) == .green)
    }

    @Test func pupilsWithoutSeatsIsNoSchool() {
        #expect(Alert.classify(wholePupils: 1, seats: 0, utilisation: nil, thresholds: thresholds) == .noSchool)
        // 0.4 pupils round to none: nobody is without a school.
        #expect(Alert.classify(wholePupils: 0, seats: 0, utilisation: nil, thresholds: thresholds) == .green)
    }
}
