import Foundation

/// A one-page A4 PDF with lines of printed text (Helvetica, 14 pt), for the OCR tests and the
/// documents benchmark: rasterised by `pdftoppm`, it reads like a scanned letter.
///
/// ```swift
/// try OCRSamplePage.pdf(lines: ["Attestation de domicile", "Madame WAMYTAN Hélène"]).write(to: url)
/// ```
public enum OCRSamplePage {
    /// The PDF bytes; characters outside Windows-1252 are replaced by « ? ».
    public static func pdf(lines: [String], pointSize: Int = 14) -> Data {
        var content = Data("BT /F1 \(pointSize) Tf \(pointSize * 3 / 2) TL 60 780 Td\n".utf8)
        for line in lines {
            content.append(Data("(".utf8))
            content.append(encoded(line))
            content.append(Data(") Tj T*\n".utf8))
        }
        content.append(Data("ET".utf8))
        var objects: [Data] = [
            Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Data("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".utf8),
            Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8),
        ]
        var stream = Data("<< /Length \(content.count) >>\nstream\n".utf8)
        stream.append(content)
        stream.append(Data("\nendstream".utf8))
        objects.append(stream)
        var out = Data("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.count)
            out.append(Data("\(index + 1) 0 obj\n".utf8))
            out.append(object)
            out.append(Data("\nendobj\n".utf8))
        }
        let xref = out.count
        out.append(Data("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n".utf8))
        for offset in offsets {
            let padded = String(repeating: "0", count: max(10 - String(offset).count, 0)) + String(offset)
            out.append(Data("\(padded) 00000 n \n".utf8))
        }
        out.append(Data("trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8))
        return out
    }

    /// A PDF string's bytes in Windows-1252, with `(`, `)` and `\` escaped.
    private static func encoded(_ line: String) -> Data {
        var bytes = Data()
        for character in line {
            let single = String(character).data(using: .windowsCP1252) ?? Data("?".utf8)
            if single.count == 1, [0x28, 0x29, 0x5C].contains(single[0]) { bytes.append(0x5C) }
            bytes.append(single.count == 1 ? single : Data("?".utf8))
        }
        return bytes
    }
}
