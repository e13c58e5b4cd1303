/// Many observation notes typed at once, one a line, the way a coach scribbles during a lesson:
/// "9:05 #2 students turn and talk" is a time, the number of a look-for and what was seen. The time and the
/// look-for may be left out; a line without a time was seen at the previous line's time.
public enum ObservationTranscript {
    /// One line read from a transcript.
    public struct Line: Sendable, Hashable {
        public let time: ClockTime
        /// The look-for's number as the cycle lists it, from 1; nil when the line names none.
        public let lookForNumber: Int?
        public let text: String

        public init(time: ClockTime, lookForNumber: Int?, text: String) {
            self.time = time
            self.lookForNumber = lookForNumber
            self.text = text
        }
    }

    /// The longest note a line may hold: a few sentences.
    public static let maximumLineLength = 2000
    /// More lines than a lesson needs, and a bound on what one submit can add.
    public static let maximumLines = 400

    /// Reads `text`. Blank lines are skipped. `start` is the time of lines before the first one with a time.
    /// `lookForCount` is how many look-fors the cycle has, so `#4` of three is refused. Problems name their lines.
    public static func parse(_ text: String, start: ClockTime, lookForCount: Int) -> Result<[Line], TranscriptProblems> {
        var lines: [Line] = []
        var problems: [String] = []
        var time = start
        let rows = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, row) in rows.enumerated() {
            var words = row.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard !words.isEmpty else { continue }
            let number = index + 1
            if let first = words.first, first.contains(":"), first.first?.isNumber == true {
                guard let typed = ClockTime(first) else {
                    problems.append("Line \(number): “\(first)” is not a time; write it as 9:05 or 14:30.")
                    continue
                }
                time = typed
                words.removeFirst()
            }
            var lookFor: Int?
            if let first = words.first, first.hasPrefix("#") {
                guard let value = Int(first.dropFirst()), value >= 1, value <= lookForCount else {
                    problems.append(lookForCount == 0
                        ? "Line \(number): this cycle has no look-fors, so leave out “\(first)”."
                        : "Line \(number): “\(first)” is not one of the look-fors; use #1 to #\(lookForCount).")
                    continue
                }
                lookFor = value
                words.removeFirst()
            }
            let seen = words.joined(separator: " ")
            if seen.isEmpty {
                problems.append("Line \(number): say what you saw after the time.")
            } else if seen.count > maximumLineLength {
                problems.append("Line \(number) is longer than \(maximumLineLength) characters; split it in two.")
            } else {
                lines.append(Line(time: time, lookForNumber: lookFor, text: seen))
            }
        }
        if lines.count > maximumLines { problems.append("Add at most \(maximumLines) lines at once; this has \(lines.count).") }
        if lines.isEmpty && problems.isEmpty { problems.append("Write at least one line, e.g. “9:05 #1 students turn and talk”.") }
        return problems.isEmpty ? .success(lines) : .failure(TranscriptProblems(lines: problems))
    }
}

/// What is wrong with a transcript, one message per line that could not be read. Nothing of it is saved then.
public struct TranscriptProblems: Error, Sendable, Hashable {
    public let lines: [String]

    /// The messages in one sentence group, for the field; the first few, since a pasted mess would list hundreds.
    public var message: String {
        let shown = lines.prefix(3).joined(separator: " ")
        return lines.count > 3 ? shown + " (and \(lines.count - 3) more)" : shown
    }
}
