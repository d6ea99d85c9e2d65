/// A supporting document (« pièce justificative ») on file: its type, dates and owners.
///
/// A piece handed in on paper at the counter is recorded with its type and issue date; scanning
/// adds its file (content hash, pages, size).
public struct Document: Sendable, Equatable {
    public var id: Int64
    public var type: DocumentType
    /// The date printed on it (`aaaa-mm-jj`), when known.
    public var issuedOn: String?
    /// The last day it is valid (`aaaa-mm-jj`), when it has one.
    public var validUntil: String?
    /// The SHA-256 of its file, once scanned.
    public var sha256: String?
    public var pages: Int?
    public var ownerIDs: [Int64]
    public var createdAt: String
    /// The stored file's extension (`pdf`, `png`...), once scanned or attached.
    public var fileExtension: String?
    /// The file's size in bytes.
    public var size: Int64?
    /// The name the file had when it arrived (inbox, attachment).
    public var originalName: String?
    /// Where reading its text stands: ``OCRState``.
    public var ocrState: OCRState?
    /// The text read from it, when read.
    public var ocrText: String?

    public init(id: Int64, type: DocumentType, issuedOn: String?, validUntil: String?, sha256: String? = nil,
                pages: Int? = nil, ownerIDs: [Int64], createdAt: String, fileExtension: String? = nil, size: Int64? = nil,
                originalName: String? = nil, ocrState: OCRState? = nil, ocrText: String? = nil) {
        self.id = id
        self.type = type
        self.issuedOn = issuedOn
        self.validUntil = validUntil
        self.sha256 = sha256
        self.pages = pages
        self.ownerIDs = ownerIDs
        self.createdAt = createdAt
        self.fileExtension = fileExtension
        self.size = size
        self.originalName = originalName
        self.ocrState = ocrState
        self.ocrText = ocrText
    }

    /// The last day the document is valid: its own validity end, else its issue date plus its
    /// type's default validity, else nil (no limit).
    public var effectiveValidUntil: CalendarDate? {
        if let validUntil, let date = CalendarDate(iso: validUntil) { return date }
        if let days = type.defaultValidityDays, let issuedOn, let issued = CalendarDate(iso: issuedOn) {
            return issued.adding(days: days)
        }
        return nil
    }

    /// « Justificatif de domicile du 12/10/2026 ».
    public var summary: String {
        type.label + (issuedOn.flatMap(CalendarDate.init(iso:)).map { " du \($0.french)" } ?? "")
    }
}
