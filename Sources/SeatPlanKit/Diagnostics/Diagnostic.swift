/// One finding about a scenario: what is wrong, where, and what to do about it.
///
/// Printed as `FILE:LINE:COLUMN: error: message — hint`, the form compilers use,
/// so that a planner's editor can jump to the line.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong, stated about the input.
    public var message: String
    /// What the user can do to fix it.
    public var hint: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, hint: String) {
        self.severity = severity
        self.location = location
        self.message = message
        self.hint = hint
    }

    public static func error(at location: SourceLocation, _ message: String, hint: String) -> Diagnostic {
        Diagnostic(.error, at: location, message, hint: hint)
    }

    public static func warning(at location: SourceLocation, _ message: String, hint: String) -> Diagnostic {
        Diagnostic(.warning, at: location, message, hint: hint)
    }

    public var description: String {
        "\(location): \(severity.rawValue): \(message) — \(hint)"
    }
}

/// Gathers the diagnostics of one stage, so that a user sees every error of a file at once.
public struct DiagnosticCollector: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    public mutating func add(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    public mutating func error(at location: SourceLocation, _ message: String, hint: String) {
        add(.error(at: location, message, hint: hint))
    }

    public mutating func warning(at location: SourceLocation, _ message: String, hint: String) {
        add(.warning(at: location, message, hint: hint))
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Diagnostics file by file (in the order the files were first named), each in line and column order,
    /// errors before warnings at the same place.
    public var sorted: [Diagnostic] {
        var fileRank: [String: Int] = [:]
        for diagnostic in diagnostics where fileRank[diagnostic.location.file] == nil {
            fileRank[diagnostic.location.file] = fileRank.count
        }
        return diagnostics.enumerated().sorted { a, b in
            let (l, r) = (a.element.location, b.element.location)
            if l.file != r.file { return fileRank[l.file, default: 0] < fileRank[r.file, default: 0] }
            if l.line != r.line { return l.line < r.line }
            if l.column != r.column { return l.column < r.column }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// Thrown when a stage found errors; carries every diagnostic found so far (warnings included).
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
