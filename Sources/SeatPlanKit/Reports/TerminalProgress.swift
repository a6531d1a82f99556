/// The progress line of the draws on a terminal: a bar, draws done of all, the rate, and the time left
/// at that rate, e.g. `draws [██████████░░░░░░░░░░]  512/1000  85.3 draws/s  6 s left`.
public enum TerminalProgress {
    public static func line(done: Int, total: Int, elapsed: Double, width: Int = 20) -> String {
        let fraction = total > 0 ? min(1, max(0, Double(done) / Double(total))) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let digits = String(total).count
        let count = String(repeating: " ", count: max(0, digits - String(done).count)) + "\(done)/\(total)"
        guard elapsed > 0, done > 0 else { return "draws [\(bar)] \(count)" }
        let rate = Double(done) / elapsed
        let left = Double(total - done) / rate
        return "draws [\(bar)] \(count)  \(CSVWriter.format(rate, places: 1)) draws/s  \(duration(left)) left"
    }

    /// `42 s`, `3 min 05 s`, `1 h 02 min`.
    public static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let s = Int(seconds.rounded(.up))
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min \(s % 60 < 10 ? "0" : "")\(s % 60) s" }
        return "\(s / 3600) h \(s % 3600 / 60 < 10 ? "0" : "")\(s % 3600 / 60) min"
    }
}
