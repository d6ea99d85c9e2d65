import XCTest
@testable import SIMSFixtures
@testable import SIMSModel

/// Checks the builders of canonical value forms.
final class DemoTextTests: XCTestCase {
    func testDigitsArePaddedToTheirWidth() {
        XCTAssertEqual(DemoText.digits(42, width: 7), "0000042")
        XCTAssertEqual(DemoText.digits(251_234, width: 6), "251234")
        XCTAssertEqual(DemoText.digits(1, width: 3), "001")
    }

    func testISODatesHandleLeapYears() {
        XCTAssertEqual(DemoText.isoDate(year: 1984, dayOfYear: 1), "1984-01-01")
        XCTAssertEqual(DemoText.isoDate(year: 1984, dayOfYear: 60), "1984-02-29")
        XCTAssertEqual(DemoText.isoDate(year: 1985, dayOfYear: 60), "1985-03-01")
        XCTAssertEqual(DemoText.isoDate(year: 2000, dayOfYear: 366), "2000-12-31")
        XCTAssertEqual(DemoText.isoDate(year: 1900, dayOfYear: 365), "1900-12-31")
        XCTAssertEqual(DemoText.daysIn(year: 1900), 365)
        XCTAssertEqual(DemoText.daysIn(year: 2000), 366)
    }

    func testSlugsAreLowercaseASCII() {
        XCTAssertEqual(DemoText.slug("Hélène"), "helene")
        XCTAssertEqual(DemoText.slug("Marie-Hélène Kasarhérou"), "marie-helene-kasarherou")
        XCTAssertEqual(DemoText.slug("Kaloï"), "kaloi")
        XCTAssertEqual(DemoText.slug("Club de va'a de l'Anse Vata"), "club-de-va-a-de-l-anse-vata")
        XCTAssertEqual(DemoText.slug("Œuvre  Électricité "), "oeuvre-electricite")
    }

    func testTribeAddressesElideBeforeAVowel() {
        XCTAssertEqual(DemoPopulationIterator.tribeAddress("Saint-Louis"), "Tribu de Saint-Louis")
        XCTAssertEqual(DemoPopulationIterator.tribeAddress("Azareu"), "Tribu d'Azareu")
        XCTAssertEqual(DemoPopulationIterator.tribeAddress("Ouipoin"), "Tribu de Ouipoin")
    }
}
