import Foundation
import TrellisCore
import TrellisStore

/// A state's worth of demo data (`trellis demo --educators 100000 --districts 20`): the named demo district as
/// `DemoDistrict` makes it, with its share of the educators, and generated districts with schools, principals, coaches,
/// five school years of plans and the coaching around them, for measuring Trellis at state scale on PostgreSQL.
///
/// Each generated district is written in one transaction, in multi-row INSERTs (`ScaleRowWriter`), so it is there whole
/// or not at all: a second run keeps the districts already there and adds only the missing ones. Identifiers and every
/// choice come from a seed per district (`ScaleIdentifiers`), so two fills of the same size hold the same data.
public struct ScaleDistricts: Sendable {
    /// What one district's fill reports when it ends.
    public struct Progress: Sendable {
        public let name: String
        /// 1 for the first district, up to `of`.
        public let position: Int
        public let of: Int
        public let educators: Int
        /// Rows written, across every table; 0 when the district was already there.
        public let rows: Int
        public let seconds: Double
        public let alreadyThere: Bool
    }

    /// The whole fill: districts made and kept, rows written, how long it took.
    public struct Summary: Sendable {
        public let created: Int
        public let kept: Int
        public let rows: Int
        public let seconds: Double
    }

    /// Educators per school in a generated district (about), and one coach among every `educatorsPerCoach`.
    static let educatorsPerSchool = 45
    static let educatorsPerCoach = 25
    /// Plans written per statement batch before the buffers are sent, which bounds memory whatever the district's size.
    static let plansPerFlush = 2_500

    /// The most districts a fill can ask for: the named demo district and every generated name.
    public static var maximumDistricts: Int { ScaleNames.maximumDistricts }

    let env: ServiceEnvironment

    public init(_ env: ServiceEnvironment) {
        self.env = env
    }

    /// How `educators` are spread over `districts`: the named demo district's share first, then each generated one's.
    /// Generated districts differ in size (a state has small and large ones), by fixed weights, so the spread repeats.
    public static func shares(educators: Int, districts: Int) -> (demo: Int, generated: [Int]) {
        let generated = max(0, districts - 1)
        let demo = educators / max(1, districts)
        guard generated > 0 else { return (educators, []) }
        let weights = (0..<generated).map { 2 + ($0 * 7) % 5 }
        let rest = educators - demo, total = weights.reduce(0, +)
        var shares = weights.map { rest * $0 / total }
        shares[0] += rest - shares.reduce(0, +)
        return (demo, shares)
    }

    /// Fills the database; `report` hears about each district as it is done (the named one first).
    public func fill(educators: Int, districts: Int, report: @escaping @Sendable (Progress) -> Void) async throws -> Summary {
        precondition((1...ScaleNames.maximumDistricts).contains(districts), "at most \(ScaleNames.maximumDistricts) districts")
        let started = ContinuousClock.now
        let (demoShare, shares) = Self.shares(educators: educators, districts: districts)
        let total = shares.count + 1
        let demoStarted = ContinuousClock.now
        let (_, demoCreated) = try await DemoDistrict(env).ensure(educators: demoShare)
        report(Progress(name: DemoDistrict.name, position: 1, of: total, educators: demoShare, rows: 0,
                        seconds: Self.seconds(since: demoStarted), alreadyThere: !demoCreated))
        let hash = try await env.passwords.hash(DemoDistrict.password)
        // PostgreSQL takes two districts at once (one encodes while the other's rows are written); SQLite has one writer.
        let parallel = env.database.dialect == .postgres ? 2 : 1
        let results = try await withThrowingTaskGroup(of: Progress.self) { group in
            var done: [Progress] = []
            for (index, share) in shares.enumerated() {
                if index >= parallel, let finished = try await group.next() { done.append(finished) }
                group.addTask {
                    let progress = try await district(index, educators: share, passwordHash: hash, of: total)
                    report(progress)
                    return progress
                }
            }
            for try await finished in group { done.append(finished) }
            return done
        }
        return Summary(created: results.filter { !$0.alreadyThere }.count + (demoCreated ? 1 : 0),
                       kept: results.filter(\.alreadyThere).count + (demoCreated ? 0 : 1),
                       rows: results.map(\.rows).reduce(0, +), seconds: Self.seconds(since: started))
    }

    /// One generated district, whole, in one transaction; nothing when its slug is taken already.
    private func district(_ index: Int, educators: Int, passwordHash: String, of total: Int) async throws -> Progress {
        let started = ContinuousClock.now
        let named = ScaleNames.districts[index]
        if try await OrganizationStore(env.database).find(slug: named.slug) != nil {
            return Progress(name: named.name, position: index + 2, of: total, educators: educators, rows: 0, seconds: 0, alreadyThere: true)
        }
        let ids = ScaleIdentifiers(seed: 0x5EED_0000 + UInt64(index + 1) * 7_919)
        let organization = Organization(id: ids.make(), slug: named.slug, name: named.name)
        let now = env.clock.now(), today = env.today
        let rows = try await env.database.transaction { tx in
            let writer = ScaleRowWriter(tx, organizationID: organization.id)
            try await writer.createOrganization(organization, at: now)
            let year = SchoolYear.containing(date: today, start: try await OrganizationScope(tx, organizationID: organization.id).schoolYearStart())
            let filler = ScaleDistrictFill(writer: writer, ids: ids, organization: organization, year: year, today: today, now: now,
                                           passwordHash: passwordHash)
            return try await filler.fill(educators: educators) + 1
        }
        return Progress(name: named.name, position: index + 2, of: total, educators: educators, rows: rows,
                        seconds: Self.seconds(since: started), alreadyThere: false)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
