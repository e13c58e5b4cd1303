import Foundation
import Hummingbird
import TrellisCore
import TrellisStore

/// Keeps session data in the database, so that any number of app instances share sign-ins.
struct DatabasePersistDriver: PersistDriver {
    let store: SessionStore
    let clock: any TimeSource
    /// Sessions already decoded, by their stored text: a session is read on every request and rarely changes.
    private let decoded = DecodedSessions()

    init(store: SessionStore, clock: any TimeSource) {
        self.store = store
        self.clock = clock
    }

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        guard try await store.create(key: key, value: try encode(value), expiresAt: expiry(expires)) else {
            throw PersistError.duplicate
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try await store.set(key: key, value: try encode(value), expiresAt: expiry(expires))
    }

    func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: Object.self)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        let now = clock.now()
        guard let entry = try await store.get(key: key, now: now) else { return nil }
        // A session written by an older version of Trellis that no longer decodes is treated as absent.
        guard let object = decoded.object(Object.self, from: entry.value) else { return nil }
        let ttl = entry.expiresAt.map { Duration.seconds(Int64($0.timeIntervalSince(now))) }
        return (object, ttl)
    }

    func remove(key: String) async throws {
        try await store.remove(key: key)
    }

    private func encode<Object: Encodable>(_ value: Object) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }

    private func expiry(_ duration: Duration?) -> Date? {
        duration.map { clock.now().addingTimeInterval(TimeInterval($0.components.seconds)) }
    }
}

/// Decoding is a pure function of the text and the type, so the result can be kept by both. Bounded: when
/// full it starts over.
private final class DecodedSessions: @unchecked Sendable {
    private let lock = NSLock()
    private var objects: [String: any Sendable] = [:]

    func object<Object: Decodable & Sendable>(_: Object.Type, from text: String) -> Object? {
        let key = "\(Object.self)\n\(text)"
        if let known = lock.withLock({ objects[key] }) as? Object { return known }
        guard let object = try? JSONDecoder().decode(Object.self, from: Data(text.utf8)) else { return nil }
        lock.withLock {
            if objects.count >= 10_000 { objects.removeAll(keepingCapacity: true) }
            objects[key] = object
        }
        return object
    }
}

import ServiceLifecycle

extension DatabasePersistDriver {
    /// Runs beside the server: removes expired sessions every ten minutes until shutdown.
    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await store.removeExpired(now: clock.now())
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(600)) }
        }
    }
}
