extension ValidationError {
    /// An error about one field, its message starting with the field's French label.
    ///
    /// ```swift
    /// ValidationError.invalid(.birthDate, "le 31/02/2001 n'existe pas.")
    /// // message: "Date de naissance : le 31/02/2001 n'existe pas."
    /// ```
    static func invalid(_ field: TierField, _ detail: String) -> ValidationError {
        ValidationError(field: field, message: "\(field.label) : \(detail)")
    }
}
