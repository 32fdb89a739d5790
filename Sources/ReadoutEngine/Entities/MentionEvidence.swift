extension CorpusAnalysis {
    /// Why each mention of document `doc` is one (rule and detail), in the order of its mentions.
    ///
    /// A corpus keeps only each mention's rule; the detail is worked out again here by recognising
    /// the one document anew, which gives the same mentions in the same order (recognition depends
    /// on nothing but the document). It takes about a millisecond per article.
    public func mentionEvidence(doc: Int) -> [Evidence] {
        let da = documents[doc]
        let found = EntityRecognizer().recognize(da.document.tokenized())
        // the same mentions, as recognition is deterministic; a rule alone if ever they were not
        guard found.mentions == da.mentions else { return da.mentions.map { Evidence(rule: $0.rule, detail: "") } }
        return found.evidence
    }
}
