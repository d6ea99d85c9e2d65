/// The kinds of documents the inbox folder accepts, recognised by their first bytes (magic
/// numbers), whatever the file's name says.
public enum InboxFileKind: String, Sendable, Equatable, CaseIterable {
    case pdf
    case png
    case jpeg
    case tiff

    /// The extension the stored file gets.
    public var fileExtension: String {
        switch self {
        case .pdf: return "pdf"
        case .png: return "png"
        case .jpeg: return "jpg"
        case .tiff: return "tif"
        }
    }

    /// « PDF », « image PNG »...
    public var label: String {
        switch self {
        case .pdf: return "PDF"
        case .png: return "image PNG"
        case .jpeg: return "image JPEG"
        case .tiff: return "image TIFF"
        }
    }

    public var isImage: Bool { self != .pdf }

    /// The kind whose magic number `bytes` start with, if any.
    public static func sniff(_ bytes: [UInt8]) -> InboxFileKind? {
        func starts(_ prefix: [UInt8]) -> Bool { bytes.count >= prefix.count && Array(bytes.prefix(prefix.count)) == prefix }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        return nil
    }
}
