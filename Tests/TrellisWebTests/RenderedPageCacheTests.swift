import Hummingbird
import Testing
@testable import TrellisWeb

@Suite struct RenderedPageCacheTests {
    func key(_ n: Int, layout: String = "Ada") -> RenderedPageCache.Key {
        RenderedPageCache.Key(template: "plan", layout: layout, source: n)
    }

    @Test func aPageIsFoundOnlyByItsWholeKey() {
        // setup
        let cache = RenderedPageCache(budget: 1_000)
        // run
        cache.keep(ByteBuffer(string: "Ada's page"), for: key(1))
        // check
        #expect(cache.page(key(1)).map { String(buffer: $0) } == "Ada's page")
        #expect(cache.page(key(1, layout: "Grace")) == nil, "another person's layout is another page")
        #expect(cache.page(key(2)) == nil)
    }

    @Test func theOldestPagesGoWhenTheBudgetIsSpent() {
        // setup: pages of 10 bytes in a budget of 100
        let cache = RenderedPageCache(budget: 100)
        // run
        for n in 1...25 { cache.keep(ByteBuffer(string: String(repeating: "x", count: 10)), for: key(n)) }
        // check
        #expect(cache.count == 10)
        #expect(cache.page(key(25)) != nil)
        #expect(cache.page(key(15)) == nil)
        cache.keep(ByteBuffer(string: String(repeating: "y", count: 13)), for: key(99))
        #expect(cache.page(key(99)) == nil, "a page over an eighth of the budget is never kept")
    }
}
