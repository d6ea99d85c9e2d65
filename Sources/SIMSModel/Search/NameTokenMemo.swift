/// The folded words and index tokens of the name values already tokenized, so that a bulk import
/// does not fold and key the same names again and again: a population shares most of its given
/// names and surnames.
///
/// A memo belongs to one thread at a time (each worker of the import has its own); it keeps at
/// most `capacity` values, then simply stops learning new ones.
///
/// ```swift
/// let memo = NameTokenMemo()
/// SearchTokenizer.entry(kind: .person, memo: memo) { values[$0] }   // the same entry, sooner
/// ```
final class NameTokenMemo: @unchecked Sendable {
    // Only the thread that owns the memo touches `known` and `count`.

    /// What one name value gives: its folded words and its tokens, in the order they are added.
    struct Names {
        let words: [String]
        let tokens: [String]
    }

    /// How a name value is tokenized (see ``SearchTokenizer``).
    enum Role: Int, CaseIterable {
        /// Given names: each word on its own.
        case givenNames
        /// A birth or usage name: each word, and the words joined (Le Goff, legoff).
        case surname
        /// A company name: each word except the stop words (de, la, et...).
        case companyName
    }

    private var known = [[String: Names]](repeating: [:], count: Role.allCases.count)
    private var count = 0
    let capacity: Int

    init(capacity: Int = 1 << 16) {
        self.capacity = capacity
    }

    /// The words and tokens of `text` in `role`: remembered, or made by `make` and remembered.
    func names(_ text: String, role: Role, make: (String, Role) -> Names) -> Names {
        if let names = known[role.rawValue][text] { return names }
        let names = make(text, role)
        if count < capacity {
            known[role.rawValue][text] = names
            count += 1
        }
        return names
    }
}
