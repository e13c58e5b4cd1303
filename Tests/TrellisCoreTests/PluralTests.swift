import Testing
import TrellisCore

@Suite struct PluralTests {
    @Test(arguments: [(0, "0 standards"), (1, "1 standard"), (2, "2 standards")])
    func standards(number: Int, expected: String) {
        // run + check
        #expect(Plural.count(number, "standard") == expected)
    }

    @Test func irregularPlurals() {
        // run + check
        #expect(Plural.count(1, "person", plural: "people") == "1 person")
        #expect(Plural.count(7, "person", plural: "people") == "7 people")
    }
}
