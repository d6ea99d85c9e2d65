import XCTest
@testable import SIMSModel

final class FrenchPhoneticTests: XCTestCase {
    func testSpellingsThatSoundAlikeMeet() {
        let pairs = [("ouamytan", "wamytan"), ("lefebvre", "lefevre"), ("wamitan", "wamytan"), ("kaloi", "kaloy"),
                     ("philippe", "filipe"), ("gorodey", "gorode"), ("boene", "boenee"), ("kasarherou", "kasarerou"),
                     ("rousseau", "rousso"), ("moreau", "morau")]
        for (a, b) in pairs {
            XCTAssertEqual(FrenchPhonetic.key(a), FrenchPhonetic.key(b), "\(a) / \(b)")
        }
    }

    func testDifferentNamesStayApart() {
        let pairs = [("martin", "marton"), ("wamytan", "wapotro"), ("dupont", "dubois"), ("nguyen", "naisseline")]
        for (a, b) in pairs {
            XCTAssertNotEqual(FrenchPhonetic.key(a), FrenchPhonetic.key(b), "\(a) / \(b)")
        }
    }

    /// The keys are stored in every tier's index rows: any change to them must be deliberate
    /// (and come with a migration that rebuilds the index).
    func testKeysOfATableOfWords() {
        let table: [(String, String)] = [
            ("ouamytan", "wamitan"),
            ("wamytan", "wamitan"),
            ("lefebvre", "lefevr"),
            ("lefevre", "lefevr"),
            ("philippe", "filip"),
            ("gorodey", "goro"),
            ("kasarherou", "kasareru"),
            ("rousseau", "ruso"),
            ("moreau", "moro"),
            ("tjibaou", "tjibau"),
            ("nguyen", "nguien"),
            ("naisseline", "neselin"),
            ("schmitt", "xmi"),
            ("chanel", "xanel"),
            ("queyras", "kera"),
            ("guillaume", "gilom"),
            ("guerin", "gerin"),
            ("gnali", "gnali"),
            ("zaoui", "sawi"),
            ("whaap", "wap"),
            ("ciceron", "siseron"),
            ("acker", "aker"),
            ("eaux", "ox"),
            ("aiguille", "egil"),
            ("heyraud", "ero"),
            ("yate", "iat"),
            ("aa", "a"),
            ("i", "i"),
            ("", ""),
            ("sss", "s"),
            ("thio", "tio"),
            ("bourail", "burel"),
            ("dumbea", "dumbea"),
            ("petelo", "petelo"),
            ("aukusitino", "okusitino"),
            ("fotofili", "fotofili"),
            ("kalolina", "kalolina"),
            ("ddddd", "d"),
            ("2024x", "2024"),
            ("paita", "peta"),
        ]
        for (word, key) in table {
            XCTAssertEqual(FrenchPhonetic.key(word), key, word)
        }
    }

    func testTheKeyOfAPrefixIsAPrefixOfTheKey() {
        XCTAssertTrue(FrenchPhonetic.key("wamytan").hasPrefix(FrenchPhonetic.key("ouamy")))
        XCTAssertTrue(FrenchPhonetic.key("lefebvre").hasPrefix(FrenchPhonetic.key("lefe")))
    }

    func testFoldingRemovesAccentsCaseAndLigatures() {
        XCTAssertEqual(SearchText.words("Hélène-Marie N'GUYEN"), ["helene", "marie", "n", "guyen"])
        XCTAssertEqual(SearchText.fold("Œuvre Ÿ"), "oeuvre y")
        XCTAssertEqual(SearchText.fold("He\u{301}le\u{300}ne"), "helene") // decomposed accents
    }

    func testEditDistanceOne() {
        XCTAssertTrue(EditDistance.isWithinOne("wamytan", "wamtyan"))
        XCTAssertTrue(EditDistance.isWithinOne("wamytan", "wamyan"))
        XCTAssertTrue(EditDistance.isWithinOne("wamytan", "wamytann"))
        XCTAssertTrue(EditDistance.isWithinOne("wamytan", "wamitan"))
        XCTAssertFalse(EditDistance.isWithinOne("wamytan", "wamitam"))
    }

    func testEditDistanceCountsEachKindOfSlipOnce() {
        func d(_ a: String, _ b: String) -> Int { EditDistance.distance(Array(a.utf8), Array(b.utf8), limit: 2) }
        XCTAssertEqual(d("cawa", "cwa"), 1)     // deletion
        XCTAssertEqual(d("gope", "gpe"), 1)
        XCTAssertEqual(d("tran", "tan"), 1)
        XCTAssertEqual(d("wong", "wng"), 1)
        XCTAssertEqual(d("hace", "ahce"), 1)    // swap of neighbours
        XCTAssertEqual(d("wamytan", "wamytann"), 1) // insertion
        XCTAssertEqual(d("wamytan", "wamitan"), 1)  // substitution
        XCTAssertEqual(d("tauhavili", "tuahavli"), 2)
        XCTAssertEqual(d("tauhavili", "tuahvli"), 3) // beyond the limit
        XCTAssertEqual(EditDistance.forgiven(length: 2), 0)
        XCTAssertEqual(EditDistance.forgiven(length: 3), 1)
        XCTAssertEqual(EditDistance.forgiven(length: 8), 2)
    }

    func testNewCaledonianSpellingsSoundAlike() {
        func alike(_ a: String, _ b: String) -> Bool {
            FrenchPhonetic.soundAlikes(a).contains(FrenchPhonetic.key(b))
        }
        XCTAssertTrue(alike("ouea", "wea"))         // ou / w
        XCTAssertTrue(alike("caoua", "cawa"))
        XCTAssertTrue(alike("moreo", "moreau"))     // eau / o
        XCTAssertTrue(alike("kodre", "kaudre"))     // au / o, silent final e
        XCTAssertTrue(alike("filipe", "philippe"))  // ph / f, doubled letters
        XCTAssertTrue(alike("kenangue", "quenangue")) // qu / k
        XCTAssertTrue(alike("kawa", "cawa"))        // c / k
        XCTAssertTrue(alike("manian", "magnan"))    // ni / gn
        XCTAssertTrue(alike("magnan", "manian"))
        XCTAssertTrue(alike("ace", "hace"))         // silent h
        XCTAssertTrue(alike("wametu", "wahmetu"))
        XCTAssertTrue(alike("tjibao", "tjibaou"))
        XCTAssertTrue(alike("toma", "thomas"))      // silent final letters
        XCTAssertTrue(alike(SearchText.fold("Wéa"), "wea")) // accents and diaereses fold first
        XCTAssertTrue(alike(SearchText.fold("Waïa"), "waia"))
        XCTAssertFalse(alike("wea", "cawa"))
    }

    func testTheVariantIndexFindsEverySlipItForgives() {
        // A typed word and a stored one within the edits forgiven share a filed variant.
        for (typed, stored) in [("cwa", "cawa"), ("gpe", "gope"), ("wng", "wong"), ("ahce", "hace"), ("tan", "tran"),
                                ("tuahavli", "tauhavili"), ("wamytna", "wamytan")] {
            let filed = Set(SearchWordVariants.variants(of: stored))
            XCTAssertFalse(filed.isDisjoint(with: SearchWordVariants.queryVariants(of: typed)), "\(typed) / \(stored)")
        }
    }
}
