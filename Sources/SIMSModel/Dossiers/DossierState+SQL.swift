extension DossierState {
    /// The open states as an SQL list, for `state IN …`: `('depose', 'en_instruction', 'attente_pieces', 'a_valider')`.
    /// The partial indexes of migration v6 are written with it: a query walks them only with the same list.
    static let openSQL = "('depose', 'en_instruction', 'attente_pieces', 'a_valider')"
    /// The decided states as an SQL list: `('accepte', 'refuse', 'sans_suite')`.
    static let decidedSQL = "('accepte', 'refuse', 'sans_suite')"
}
