import ArgumentParser
import Foundation
import Logging
import TrellisCore
import TrellisServices
import TrellisStore
import TrellisWeb

/// What every command needs: the configuration from the environment and an open, migrated database.
struct Runtime {
    let config: AppConfig
    let environment: ServiceEnvironment

    /// Reads the configuration and opens the database; a bad setting ends the command with one clear line.
    static func start(migrate: Bool = true, label: String = "trellis") async throws -> Runtime {
        let config: AppConfig
        do {
            config = try AppConfig.fromEnvironment()
        } catch {
            throw CommandFailure("\(error)")
        }
        var logger = Logger(label: label)
        logger.logLevel = config.logLevel
        let database: Database
        do {
            database = try await Database.open(config.database, siteAddress: config.baseURL, logger: logger)
        } catch {
            throw CommandFailure("Cannot open the database \(config.database): \(error)")
        }
        if migrate {
            do {
                let applied = try await Migrator(database: database).migrate()
                for step in applied { logger.info("applied migration \(step.version): \(step.name)") }
            } catch {
                await database.close()
                throw CommandFailure("Cannot bring the database up to date: \(error)")
            }
            // Only the planner's guesses depend on it: a failure is worth a line in the log, not a refusal to start.
            do { try await database.refreshStaleStatistics() } catch { logger.warning("could not refresh the query planner's statistics: \(error)") }
        }
        let email = EmailSettings.from(relay: config.smtp, sender: EmailSender(address: config.mailFrom), logger: logger)
        let environment = ServiceEnvironment(database: database, passwords: PasswordHasher(cost: config.bcryptCost), logger: logger,
                                             email: email)
        return Runtime(config: config, environment: environment)
    }

    /// Runs `body` with a started runtime and always closes the database afterwards, also when `body` fails.
    static func with(migrate: Bool = true, label: String, _ body: (Runtime) async throws -> Void) async throws {
        let runtime = try await start(migrate: migrate, label: label)
        do {
            try await body(runtime)
        } catch {
            await runtime.environment.database.close()
            throw error
        }
        await runtime.environment.database.close()
    }
}

/// A failure to report in one line on standard error, exiting non-zero.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension FieldErrors {
    /// Each wrong field as "field: message", one per line, for the terminal.
    var commandLineText: String {
        messages.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
    }
}

/// Runs a command body, turning expected failures into a message and exit code 1 instead of a crash.
func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let errors as FieldErrors {
        FileHandle.standardError.write(Data("error: \(errors.commandLineText)\n".utf8))
        throw ExitCode.failure
    } catch let failure as CommandFailure {
        FileHandle.standardError.write(Data("error: \(failure.description)\n".utf8))
        throw ExitCode.failure
    }
}
