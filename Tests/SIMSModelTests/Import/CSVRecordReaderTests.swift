import Foundation
import XCTest
@testable import SIMSModel

final class CSVRecordReaderTests: XCTestCase {
    private func records(_ text: String) -> [CSVRecord] {
        Array(CSVRecordReader(data: Data(text.utf8)))
    }

    func testQuotedFieldsSeparatorsAndLineNumbers() {
        let read = records("a,b,c\r\n1,\"x, y\",\"he said \"\"hi\"\"\"\n\n2,\"two\nlines\",z\n3,,\n")
        XCTAssertEqual(read.map(\.line), [1, 2, 4, 6])
        XCTAssertEqual(read[1].fields, ["1", "x, y", "he said \"hi\""])
        XCTAssertEqual(read[2].fields, ["2", "two\nlines", "z"])
        XCTAssertEqual(read[3].fields, ["3", "", ""])
    }

    func testQuotesInsideFieldsAndALastLineWithoutBreak() {
        let read = records("a,b,c\n\"ab\"cd,say \"hi\",x\ry\n\"\",\"\"\"\",end")
        XCTAssertEqual(read[1].fields, ["abcd", "say \"hi\"", "x\ry"])
        XCTAssertEqual(read[2].fields, ["", "\"", "end"])
        XCTAssertEqual(read[2].line, 3)
        XCTAssertEqual(read[2].raw, "\"\",\"\"\"\",end")
    }

    func testSemicolonFilesFromFrenchSpreadsheetsAndTheBOM() {
        let read = records("\u{FEFF}type;nom_naissance\npersonne;Wamytan\n")
        XCTAssertEqual(read[0].fields, ["type", "nom_naissance"])
        XCTAssertEqual(read[1].fields, ["personne", "Wamytan"])
    }

    func testAnInvalidUTF8LineIsFlaggedAndTheNextOneStillReads() {
        var bytes = Array("a,b\n".utf8)
        bytes += [0x31, 0x2C, 0xC3, 0x28, 0x0A] // "1,<invalid>\n"
        bytes += Array("2,ok\n".utf8)
        let read = Array(CSVRecordReader(data: Data(bytes)))
        XCTAssertNil(read[1].fields)
        XCTAssertEqual(read[1].line, 2)
        XCTAssertEqual(read[2].fields, ["2", "ok"])
    }
}
