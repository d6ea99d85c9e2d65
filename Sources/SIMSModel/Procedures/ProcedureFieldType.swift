/// The type of a procedure field, which decides how a typed answer is checked and stored.
public enum ProcedureFieldType: Sendable, Equatable {
    /// Free text of at most `maxLength` characters.
    case text(maxLength: Int)
    /// A date typed `jj/mm/aaaa`, stored `aaaa-mm-jj`.
    case date
    /// A whole number between `min` and `max`.
    case integer(min: Int, max: Int)
    /// An amount in francs CFP (XPF, no decimals), at most `max`.
    case amount(max: Int)
    /// One of a fixed list of choices.
    case choice([String])
    /// Oui or non.
    case yesNo
    /// A bound field: checked by the rule of its tier field.
    case tierField(TierField)
}
