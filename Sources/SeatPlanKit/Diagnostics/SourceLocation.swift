/// A place in a scenario file: the file as the user named it, and a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COLUMN`, the form editors and terminals turn into a link.
    public var description: String { "\(file):\(line):\(column)" }
}
