import Foundation

/// The Python helpers under `e2e/tools`, run with the project's venv (`script/bootstrap` installs aiosmtpd and icalendar
/// into `.venv`): a real SMTP server for delivery tests, and a calendar parser for the feed's.
public enum PythonTools {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    public static var python: URL { root.appendingPathComponent(".venv/bin/python") }

    public static func tool(_ name: String) -> URL { root.appendingPathComponent("e2e/tools/\(name)") }

    /// Runs a tool to its end; its standard output, or a failure with its standard error.
    public static func run(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = python
        process.arguments = [tool(name).path] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let text = output.fileHandleForReading.readDataToEndOfFile()
        let problem = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestFailure("\(name) failed: \(String(decoding: problem, as: UTF8.self))")
        }
        return String(decoding: text, as: UTF8.self)
    }
}

/// A real SMTP server on 127.0.0.1 (aiosmtpd), writing what it accepts into a directory; stopped by `stop()`.
public final class SMTPSink: @unchecked Sendable {
    public let port: Int
    public let directory: URL
    private var process: Process?
    private var input: Pipe?

    public init(port: Int = Int.random(in: 20_000...45_000)) {
        self.port = port
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("trellis-smtp-\(UUID().uuidString)")
    }

    /// Starts the server and waits until it accepts connections.
    public func start() throws {
        let process = Process()
        process.executableURL = PythonTools.python
        process.arguments = [PythonTools.tool("smtp_sink.py").path, String(port), directory.path]
        let output = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        self.input = input
        // "ready" on the first line, or the process ended (a port in use, aiosmtpd missing).
        let line = output.fileHandleForReading.availableLine(timeout: 20)
        guard line == "ready" else {
            stop()
            throw TestFailure("the SMTP server did not start on port \(port) (is aiosmtpd in .venv? run script/bootstrap)")
        }
    }

    /// Closing its standard input ends the server; a kill makes sure.
    public func stop() {
        guard let process else { return }
        try? input?.fileHandleForWriting.close()
        for _ in 0..<100 where process.isRunning { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        self.process = nil
        input = nil
    }

    /// The messages received so far, oldest first, as text.
    public func messages() throws -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return try names.filter { $0.hasSuffix(".eml") }.sorted { Self.order($0) < Self.order($1) }.map {
            try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)
        }
    }

    private static func order(_ name: String) -> (Int, Int) {
        let parts = name.dropLast(4).split(separator: "-").compactMap { Int($0) }
        return (parts.first ?? 0, parts.last ?? 0)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }
}

extension FileHandle {
    /// Reads one line, waiting at most `timeout` seconds; nil when none came.
    func availableLine(timeout: TimeInterval) -> String? {
        let box = LineBox()
        let thread = Thread { box.set(String(decoding: self.readLine(), as: UTF8.self)) }
        thread.start()
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let line = box.value { return line }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return nil
    }

    private func readLine() -> Data {
        var line = Data()
        while true {
            let byte = readData(ofLength: 1)
            if byte.isEmpty || byte == Data("\n".utf8) { return line }
            line.append(byte)
        }
    }
}

private final class LineBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?
    var value: String? { lock.withLock { stored } }
    func set(_ line: String) { lock.withLock { stored = line } }
}
