import XCTest
@testable import ReadoutEngine

/// Shared helpers for the entity tests.
enum EntityTest {
    static func analyze(_ texts: String...) -> CorpusAnalysis {
        Analyzer().analyze(texts.enumerated().map { Document(id: "d\($0.offset)", text: $0.element) })
    }

    /// `text [LABEL]` for every mention of a one-document analysis.
    static func mentions(_ text: String) -> [String] {
        let a = analyze(text)
        let d = a.documents[0]
        return d.mentions.map { "\(d.document.string($0.range)) [\($0.label.rawValue)]" }
    }

    static func entity(_ a: CorpusAnalysis, _ name: String) -> Entity? {
        a.entities.first { $0.name == name }
    }
}
