/// Turns the raw results of ncurses' `get_wch` into ``KeyEvent``s, without any terminal.
///
/// The decoder is a small state machine. It holds back an Esc until it knows whether a key
/// follows within the escape delay (Alt-key) or not (Esc alone): the terminal calls ``flush()``
/// when no input arrived within that delay. It also collects a bracketed paste, whether ncurses
/// reports its markers as key codes (`define_key`) or as the raw bytes `ESC [200~` ... `ESC [201~`.
///
/// ```swift
/// var decoder = KeyDecoder()
/// decoder.feed(.character(0x1B))          // [] : Esc held back
/// decoder.feed(.character(0x78))          // [.alt("x")]
/// KeyDecoder.decode(RawKeyInput.text("\u{1B}"))   // [.escape]
/// ```
struct KeyDecoder: Sendable {
    /// The key code that starts a bracketed paste (see ``NCursesKeyCode/pasteBegin``).
    let pasteBeginCode: Int
    /// The key code that ends a bracketed paste.
    let pasteEndCode: Int

    private enum State: Equatable, Sendable {
        case idle
        /// An Esc was read; the next input decides between Esc and an Alt-key.
        case escape
        /// Esc then a prefix of "[200~" (the raw bracketed-paste start marker).
        case escapeSequence([UInt32])
        /// Inside a bracketed paste.
        case paste
    }

    private var state: State = .idle
    private var pasteText = String.UnicodeScalarView()
    /// The part of the raw end marker "ESC [201~" matched so far inside a paste.
    private var pasteEndMatch: [UInt32] = []
    private var lastPasteCharacterWasReturn = false

    private static let escapeCode: UInt32 = 0x1B
    private static let pasteStartTail: [UInt32] = Array("[200~".unicodeScalars.map(\.value))
    private static let pasteEndMarker: [UInt32] = [0x1B] + Array("[201~".unicodeScalars.map(\.value))

    init(pasteBeginCode: Int = NCursesKeyCode.pasteBegin, pasteEndCode: Int = NCursesKeyCode.pasteEnd) {
        self.pasteBeginCode = pasteBeginCode
        self.pasteEndCode = pasteEndCode
    }

    /// Whether input is held back (an Esc, a partial marker or a paste) until more input or ``flush()``.
    var isPending: Bool { state != .idle }

    /// Whether a bracketed paste is being collected (the terminal then waits longer before flushing).
    var isPasting: Bool { state == .paste }

    /// Decodes a whole sequence, then flushes: what the terminal would report if input then stopped.
    static func decode(_ inputs: [RawKeyInput]) -> [KeyEvent] {
        var decoder = KeyDecoder()
        var events: [KeyEvent] = []
        for input in inputs { events += decoder.feed(input) }
        return events + decoder.flush()
    }

    /// Feeds one `get_wch` result; returns the events it completes (possibly none).
    mutating func feed(_ input: RawKeyInput) -> [KeyEvent] {
        switch state {
        case .paste:
            return feedPaste(input)

        case .escape:
            state = .idle
            switch input {
            case .character(Self.escapeCode):
                state = .escape
                return [.escape]
            case .character(Self.pasteStartTail[0]):
                state = .escapeSequence([Self.pasteStartTail[0]])
                return []
            case .keyCode(pasteBeginCode):
                startPaste()
                return [.escape]
            default:
                let events = decodeSingle(input)
                guard let first = events.first, case .key(let key, let modifiers) = first else {
                    return [.escape] + events
                }
                return [.key(key, modifiers: modifiers.union(.alt))] + events.dropFirst()
            }

        case .escapeSequence(var sequence):
            if case .character(let code) = input,
               sequence.count < Self.pasteStartTail.count,
               Self.pasteStartTail[sequence.count] == code {
                sequence.append(code)
                if sequence == Self.pasteStartTail {
                    startPaste()
                } else {
                    state = .escapeSequence(sequence)
                }
                return []
            }
            // Not a paste marker after all: Alt-[ then the rest as typed.
            state = .idle
            var events = abandonEscapeSequence(sequence)
            events += feed(input)
            return events

        case .idle:
            switch input {
            case .character(Self.escapeCode):
                state = .escape
                return []
            case .keyCode(pasteBeginCode):
                startPaste()
                return []
            default:
                return decodeSingle(input)
            }
        }
    }

    /// Called when no input arrived within the escape delay: releases what was held back.
    ///
    /// A held Esc becomes ``KeyEvent/escape``; a paste whose end marker never came is delivered
    /// as it stands.
    mutating func flush() -> [KeyEvent] {
        switch state {
        case .idle:
            return []
        case .escape:
            state = .idle
            return [.escape]
        case .escapeSequence(let sequence):
            state = .idle
            return abandonEscapeSequence(sequence)
        case .paste:
            for code in pasteEndMatch where code != Self.escapeCode { appendPasted(code) }
            return finishPaste()
        }
    }

    // MARK: - Single inputs

    /// Decodes one input outside any sequence.
    private func decodeSingle(_ input: RawKeyInput) -> [KeyEvent] {
        switch input {
        case .character(let code):
            return Self.decodeCharacter(code).map { [$0] } ?? []
        case .keyCode(let code):
            return Self.decodeKeyCode(code).map { [$0] } ?? []
        }
    }

    /// A character code: control bytes become named keys or Ctrl-letters.
    private static func decodeCharacter(_ code: UInt32) -> KeyEvent? {
        switch code {
        case 0x1B:
            return .escape
        case 0x0D, 0x0A:
            return .enter
        case 0x09:
            return .tab
        case 0x7F, 0x08:
            // DEL is what most terminals send for Backspace; some (PuTTY, old xterm) send ^H.
            return .backspace
        case 0x00:
            return .key(.character(" "), modifiers: .control)
        case 0x01...0x1A:
            return .key(.character(Character(Unicode.Scalar(UInt8(code + 0x60)))), modifiers: .control)
        case 0x1C...0x1F:
            return .key(.character(Character(Unicode.Scalar(UInt8(code + 0x40)))), modifiers: .control)
        case 0x80..<0xA0:
            return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// An ncurses `KEY_` code.
    private static func decodeKeyCode(_ code: Int) -> KeyEvent? {
        typealias K = NCursesKeyCode
        switch code {
        case K.up: return .up
        case K.down: return .down
        case K.left: return .left
        case K.right: return .right
        case K.home, K.keypadA1, K.find: return .home
        case K.end, K.keypadC1, K.select, K.lowerLeft: return .end
        case K.previousPage, K.keypadA3: return .pageUp
        case K.nextPage, K.keypadC3: return .pageDown
        case K.backspace: return .backspace
        case K.deleteChar: return .delete
        case K.insertChar: return .insert
        case K.enter: return .enter
        case K.backTab: return .backTab
        case K.resize: return .resize
        case K.scrollReverse: return .key(.up, modifiers: .shift)
        case K.scrollForward: return .key(.down, modifiers: .shift)
        case K.shiftLeft: return .key(.left, modifiers: .shift)
        case K.shiftRight: return .key(.right, modifiers: .shift)
        case K.shiftHome: return .key(.home, modifiers: .shift)
        case K.shiftEnd: return .key(.end, modifiers: .shift)
        case K.shiftDeleteChar: return .key(.delete, modifiers: .shift)
        case K.shiftInsertChar: return .key(.insert, modifiers: .shift)
        case K.function(1)...K.function(12):
            return .function(code - K.f0)
        // xterm reports modified function keys as F13 and beyond.
        case K.function(13)...K.function(24):
            return .key(.function(code - K.f0 - 12), modifiers: .shift)
        case K.function(25)...K.function(36):
            return .key(.function(code - K.f0 - 24), modifiers: .control)
        case K.function(37)...K.function(48):
            return .key(.function(code - K.f0 - 36), modifiers: [.control, .shift])
        case K.function(49)...K.function(60):
            return .key(.function(code - K.f0 - 48), modifiers: .alt)
        default:
            return nil
        }
    }

    /// Releases "Esc [" and what followed it when it turned out not to be a paste marker.
    private mutating func abandonEscapeSequence(_ sequence: [UInt32]) -> [KeyEvent] {
        var events: [KeyEvent] = [.alt("[")]
        for code in sequence.dropFirst() { events += feed(.character(code)) }
        return events
    }

    // MARK: - Bracketed paste

    private mutating func startPaste() {
        state = .paste
        pasteText = String.UnicodeScalarView()
        pasteEndMatch = []
        lastPasteCharacterWasReturn = false
    }

    private mutating func finishPaste() -> [KeyEvent] {
        state = .idle
        let text = String(pasteText)
        pasteText = String.UnicodeScalarView()
        pasteEndMatch = []
        return text.isEmpty ? [] : [.paste(text)]
    }

    private mutating func feedPaste(_ input: RawKeyInput) -> [KeyEvent] {
        switch input {
        case .keyCode(pasteEndCode):
            return finishPaste()
        case .keyCode(NCursesKeyCode.enter):
            appendPasted(0x0D)
            return []
        case .keyCode(NCursesKeyCode.resize):
            return [.resize]
        case .keyCode:
            return []
        case .character(let code):
            if !pasteEndMatch.isEmpty || code == Self.escapeCode {
                if Self.pasteEndMarker[pasteEndMatch.count] == code {
                    pasteEndMatch.append(code)
                    return pasteEndMatch == Self.pasteEndMarker ? finishPaste() : []
                }
                // Not the end marker: what was held back is pasted text (an Esc is dropped).
                let held = pasteEndMatch
                pasteEndMatch = []
                for heldCode in held where heldCode != Self.escapeCode { appendPasted(heldCode) }
                return feedPaste(input)
            }
            appendPasted(code)
            return []
        }
    }

    /// Adds one pasted character: CR and CR LF become "\n"; other control characters are kept, so
    /// that the field receiving the paste refuses it with a message rather than losing them unseen.
    private mutating func appendPasted(_ code: UInt32) {
        let wasReturn = lastPasteCharacterWasReturn
        lastPasteCharacterWasReturn = code == 0x0D
        switch code {
        case 0x0D:
            pasteText.append("\n")
        case 0x0A:
            if !wasReturn { pasteText.append("\n") }
        case 0x09:
            pasteText.append("\t")
        default:
            if let scalar = Unicode.Scalar(code) { pasteText.append(scalar) }
        }
    }
}
