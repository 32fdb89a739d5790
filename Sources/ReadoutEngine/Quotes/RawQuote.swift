/// A quotation or reported statement found in one document, before its speaker is resolved.
/// Token ranges index the document's tokens.
struct RawQuote: Equatable {
    var kind: QuoteKind
    /// The quoted or reported words.
    var content: Range<Int>
    /// The whole construct.
    var span: Range<Int>
    /// The cue tokens (`said`, `according to`), if any.
    var cue: Range<Int>? = nil
    /// The cue's lemma.
    var cueLemma: String? = nil
    /// The speaker as written.
    var speaker: Range<Int>? = nil
    /// For nested attribution, who reported the statement as written (`the Reuters news outlet`).
    var reporter: Range<Int>? = nil
    /// Index of another quote in the document whose speaker this one takes (continuations).
    var inherit: Int? = nil
    /// A direct quotation with no cue of its own: it takes a neighbour's speaker or is dropped.
    var needsSpeaker = false
    /// It continues the quotation before it (see `QuoteSegment.continues`).
    var continues = false
    /// Why it exists.
    var evidence: [Evidence] = []
}
