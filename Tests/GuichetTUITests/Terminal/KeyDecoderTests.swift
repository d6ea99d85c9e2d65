import XCTest
@testable import GuichetTUI

final class KeyDecoderTests: XCTestCase {
    private typealias K = NCursesKeyCode

    private func decode(_ inputs: RawKeyInput...) -> [KeyEvent] {
        KeyDecoder.decode(inputs)
    }

    private func decode(text: String) -> [KeyEvent] {
        KeyDecoder.decode(RawKeyInput.text(text))
    }

    func testPrintableAndAccentedCharacters() {
        XCTAssertEqual(decode(text: "aÉ€中"), [.character("a"), .character("É"), .character("€"), .character("中")])
    }

    func testEscapeAloneIsHeldUntilFlush() {
        var decoder = KeyDecoder()
        XCTAssertEqual(decoder.feed(.character(0x1B)), [])
        XCTAssertTrue(decoder.isPending)
        XCTAssertEqual(decoder.flush(), [.escape])
        XCTAssertFalse(decoder.isPending)
        XCTAssertEqual(decoder.flush(), [])
    }

    func testEscapeThenAKeyIsAlt() {
        var decoder = KeyDecoder()
        XCTAssertEqual(decoder.feed(.character(0x1B)), [])
        XCTAssertEqual(decoder.feed(.character(0x78)), [.alt("x")])
        XCTAssertEqual(decode(text: "\u{1B}é"), [.alt("é")])
        XCTAssertEqual(decode(.character(0x1B), .keyCode(K.up)), [.key(.up, modifiers: .alt)])
        XCTAssertEqual(decode(.character(0x1B), .character(0x11)), [.key(.character("q"), modifiers: [.control, .alt])])
    }

    func testEscapeTwiceIsOneEscapeThenAnotherHeld() {
        var decoder = KeyDecoder()
        XCTAssertEqual(decoder.feed(.character(0x1B)), [])
        XCTAssertEqual(decoder.feed(.character(0x1B)), [.escape])
        XCTAssertEqual(decoder.flush(), [.escape])
    }

    func testEscapeThenResizeKeepsBoth() {
        XCTAssertEqual(decode(.character(0x1B), .keyCode(K.resize)), [.escape, .resize])
    }

    func testBracketedPasteFromRawBytes() {
        let events = decode(text: "\u{1B}[200~Chez M. Gorodey\r\n98800 Nouméa\u{1B}[201~x")
        XCTAssertEqual(events, [.paste("Chez M. Gorodey\n98800 Nouméa"), .character("x")])
    }

    func testBracketedPasteFromDefinedKeyCodes() {
        let inputs: [RawKeyInput] = [.keyCode(K.pasteBegin)] + RawKeyInput.text("a\tb\rc") + [.keyCode(K.pasteEnd)]
        XCTAssertEqual(KeyDecoder.decode(inputs), [.paste("a\tb\nc")])
    }

    func testPastedTextIsNotInterpretedAsKeys() {
        // Esc, Ctrl-Q and a lone "[" inside a paste are never keys: Ctrl-Q and "[" stay in the
        // text (the field refuses a control character with a message), the Esc is dropped.
        let events = decode(text: "\u{1B}[200~a\u{1B}b\u{11}[c\u{1B}[201~")
        XCTAssertEqual(events, [.paste("ab\u{11}[c")])
    }

    func testPasteWithoutEndMarkerIsDeliveredOnFlush() {
        var decoder = KeyDecoder()
        XCTAssertEqual(RawKeyInput.text("\u{1B}[200~Poindimié").flatMap { decoder.feed($0) }, [])
        XCTAssertTrue(decoder.isPasting)
        XCTAssertEqual(decoder.flush(), [.paste("Poindimié")])
        XCTAssertFalse(decoder.isPending)
    }

    func testEscapeBracketThatIsNotAPasteIsAltBracketThenTheKeys() {
        XCTAssertEqual(decode(text: "\u{1B}[2x"), [.alt("["), .character("2"), .character("x")])
        XCTAssertEqual(decode(text: "\u{1B}["), [.alt("[")])
    }

    func testBackspaceVariants() {
        XCTAssertEqual(decode(.character(0x7F)), [.backspace])
        XCTAssertEqual(decode(.character(0x08)), [.backspace])
        XCTAssertEqual(decode(.keyCode(K.backspace)), [.backspace])
    }

    func testTabBackTabAndEnter() {
        XCTAssertEqual(decode(.character(0x09)), [.tab])
        XCTAssertEqual(decode(.keyCode(K.backTab)), [.backTab])
        XCTAssertEqual(decode(.character(0x0D), .character(0x0A), .keyCode(K.enter)), [.enter, .enter, .enter])
    }

    func testControlBytesAreCtrlLetters() {
        let letters = (0x01...0x1A).filter { ![0x08, 0x09, 0x0A, 0x0D].contains($0) }
        for code in letters {
            let letter = Character(Unicode.Scalar(UInt8(0x60 + code)))
            XCTAssertEqual(decode(.character(UInt32(code))), [.ctrl(letter)], "control byte \(code)")
        }
        XCTAssertEqual(decode(.character(0x11), .character(0x13)), [.ctrl("q"), .ctrl("s")])
    }

    func testFunctionKeys() {
        XCTAssertEqual((1...12).flatMap { decode(.keyCode(K.function($0))) }, (1...12).map { .function($0) })
        XCTAssertEqual(decode(.keyCode(K.function(13))), [.key(.function(1), modifiers: .shift)])
        XCTAssertEqual(decode(.keyCode(K.function(34))), [.key(.function(10), modifiers: .control)])
    }

    func testNavigationKeys() {
        let codes = [K.up, K.down, K.left, K.right, K.home, K.end, K.previousPage, K.nextPage, K.insertChar, K.deleteChar]
        XCTAssertEqual(codes.flatMap { decode(.keyCode($0)) },
                       [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .insert, .delete])
        XCTAssertEqual(decode(.keyCode(K.find), .keyCode(K.select)), [.home, .end], "rxvt/PuTTY Home and End")
    }

    func testResizeAndUnknownCodes() {
        XCTAssertEqual(decode(.keyCode(K.resize)), [.resize])
        XCTAssertEqual(decode(.keyCode(K.mouse), .keyCode(0o1000), .character(0x85)), [])
    }

    func testRawInputFromGetWchResults() {
        XCTAssertEqual(RawKeyInput(code: 0o403, isKeyCode: true), .keyCode(K.up))
        XCTAssertEqual(RawKeyInput(code: 0o403, isKeyCode: false), .character(0o403))
    }
}
