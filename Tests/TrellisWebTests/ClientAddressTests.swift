import Testing
@testable import TrellisWeb

/// Which address the throttle counts and the audit log records when Trellis runs behind reverse proxies.
@Suite struct ClientAddressTests {
    @Test("The entry the trusted proxy appended is the client", arguments: [
        // (headers, trusted proxies, expected address; nil keeps the peer's)
        (["203.0.113.7"], 1, "203.0.113.7"),
        // A client that sends its own header cannot choose its address: the proxy appends the real one.
        (["1.2.3.4, 203.0.113.7"], 1, "203.0.113.7"),
        (["evil, 203.0.113.7"], 1, "203.0.113.7"),
        (["1.2.3.4", "203.0.113.7"], 1, "203.0.113.7"),
        // Two proxies: the outer one wrote the client, the inner one the outer proxy.
        (["9.9.9.9, 203.0.113.7, 10.0.0.2"], 2, "203.0.113.7"),
        (["2001:db8::17"], 1, "2001:db8::17"),
        (["1.2.3.4,2001:DB8:0:0:0:0:0:1"], 1, "2001:DB8:0:0:0:0:0:1"),
        (["::ffff:192.0.2.1"], 1, "::ffff:192.0.2.1"),
        // Not an address: the peer's address stays.
        (["203.0.113.7, not-an-address"], 1, nil),
        (["<script>"], 1, nil),
        (["203.0.113.7:4711"], 1, nil),
        (["[2001:db8::1]"], 1, nil),
        (["999.1.1.1"], 1, nil),
        (["1.2.3"], 1, nil),
        (["1.2.3.4, "], 1, nil),
        ([""], 1, nil),
        (["unknown"], 1, nil),
        // Too few hops: a trusted proxy did not add its entry, so the header is all the client's.
        (["203.0.113.7"], 2, nil),
        ([], 1, nil),
        // Trusting no proxy ignores the header.
        (["203.0.113.7"], 0, nil),
    ] as [([String], Int, String?)])
    func forwarded(headers: [String], trustedProxies: Int, expected: String?) {
        // run
        let address = ForwardedFor.clientAddress(headers, trustedProxies: trustedProxies)
        // check
        #expect(address == expected)
    }

    @Test func theSettingTakesOnOffOrANumberOfProxies() throws {
        // setup
        func proxies(_ text: String) throws -> Int { try AppConfig.fromEnvironment(["TRELLIS_TRUST_PROXY": text]).trustedProxies }
        // run + check
        #expect(try AppConfig.fromEnvironment([:]).trustedProxies == 0)
        #expect(try proxies("1") == 1)
        #expect(try proxies("true") == 1)
        #expect(try proxies("2") == 2)
        #expect(try proxies("0") == 0)
        #expect(throws: AppConfig.Problem.self) { try proxies("lots") }
        #expect(throws: AppConfig.Problem.self) { try proxies("-1") }
    }
}
