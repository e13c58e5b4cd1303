import Foundation
import Testing
import TrellisDocuments

@Suite struct CSVTableTests {
    @Test func readsQuotedCellsDoubledQuotesAndEmbeddedLineBreaks() throws {
        // setup
        let text = "email,name\r\n\"a@x.example\",\"Smith, Jo\"\r\nb@x.example,\"Say \"\"hi\"\"\"\r\nc@x.example,\"two\r\nlines\"\r\nd@x.example,last\r\n"
        // run
        let table = try CSVTable.parse(text)
        // check
        #expect(table.header == ["email", "name"])
        #expect(table.records.map(\.cells) == [["a@x.example", "Smith, Jo"], ["b@x.example", "Say \"hi\""],
                                                ["c@x.example", "two\r\nlines"], ["d@x.example", "last"]])
        #expect(table.records.map(\.number) == [2, 3, 4, 5], "a line break inside a cell does not move the rows after it")
    }

    @Test func readsLFLineEndsAByteOrderMarkAndNoFinalLineBreak() throws {
        // setup
        let text = "\u{FEFF}email,name\na@x.example,Ana\nb@x.example,Ben"
        // run
        let table = try CSVTable.parse(text)
        // check
        #expect(table.header == ["email", "name"], "the byte order mark is not part of the first column's name")
        #expect(table.records.map(\.cells) == [["a@x.example", "Ana"], ["b@x.example", "Ben"]])
    }

    @Test func leavesBlankRowsOutButKeepsTheirNumbers() throws {
        // setup
        let text = "email\n\na@x.example\n   \nb@x.example\n\n"
        // run
        let table = try CSVTable.parse(text)
        // check
        #expect(table.records.map(\.cells) == [["a@x.example"], ["b@x.example"]])
        #expect(table.records.map(\.number) == [3, 5])
    }

    @Test func keepsEmptyAndShortRowsAsWritten() throws {
        // setup
        let text = "email,name,school\na@x.example,,Lincoln\nb@x.example\nc@x.example,\"\",\n"
        // run
        let table = try CSVTable.parse(text)
        // check
        #expect(table.records.map(\.cells) == [["a@x.example", "", "Lincoln"], ["b@x.example"], ["c@x.example", "", ""]])
    }

    @Test func refusesAnUnclosedQuoteNamingTheRowItOpensIn() {
        // setup
        let text = "email,name\na@x.example,Ana\nb@x.example,\"Ben\nc@x.example,Cy\n"
        // run + check
        #expect(throws: CSVTable.Problem.unclosedQuote(row: 3)) { try CSVTable.parse(text) }
    }

    @Test func refusesAQuoteInTheMiddleOfACell() {
        // setup
        let text = "email,name\na@x.example,Ana\nb@x.example,\"Ben\"x\n"
        // run + check
        #expect(throws: CSVTable.Problem.strayQuote(row: 3)) { try CSVTable.parse(text) }
    }

    @Test func refusesAnEmptyFileAndTooManyRows() {
        // run + check
        #expect(throws: CSVTable.Problem.empty) { try CSVTable.parse("\n\r\n") }
        #expect(throws: CSVTable.Problem.tooManyRecords(limit: 2)) { try CSVTable.parse("email\na\nb\nc\n", maximumRecords: 2) }
        #expect(throws: Never.self) { try CSVTable.parse("email\na\nb\n\n\n", maximumRecords: 2) }
        #expect(CSVTable.Problem.tooManyRecords(limit: 100_000).description.contains("100,000"))
    }
}
