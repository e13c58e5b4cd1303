import Foundation
import Testing
import TestSupport
import TrellisCore
@testable import TrellisStore

@Suite struct PlannerStatisticsTests {
    /// How many of SQLite's statistics rows describe `table`; none when it has gathered none at all.
    func statistics(_ database: Database, _ table: String) async throws -> Int {
        guard try await database.scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'") == 1 else { return 0 }
        return try await database.scalar("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = \(bind: table)")
    }

    @Test func sqliteGathersStatisticsWhenItOpensForTheDayAndAfterABulkLoad() async throws {
        try await TestDatabase.with { database in
            // setup: a district with plans, and no statistics yet
            let districts = try await TestDistricts.make(database)
            _ = try await ReadyPlans.readyForReview(database, owner: districts.north.educator, at: districts.clock.now())
            guard database.dialect == .sqlite else {
                // PostgreSQL: autovacuum keeps its statistics; after a bulk load they are asked for at once.
                try await database.refreshStaleStatistics()
                try await database.refreshPlannerStatistics()
                return
            }
            #expect(try await statistics(database, "growth_plans") == 0)
            // run: what `trellis serve` does after its migrations
            try await database.refreshStaleStatistics()
            // check: the planner now knows the plans' indexes
            #expect(try await statistics(database, "growth_plans") > 0)
            #expect(try await statistics(database, "people") > 0)
            // and after a bulk load, every table is looked at again
            try await database.execute("DELETE FROM sqlite_stat1")
            try await database.refreshPlannerStatistics()
            #expect(try await statistics(database, "growth_plans") > 0)
        }
    }
}
