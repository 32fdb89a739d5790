/// Extracts article text from HTML: drops script, style, navigation and boilerplate;
/// keeps headings, paragraphs and list items as paragraphs; title from `<title>` or `<h1>`.
public enum HTMLExtractor {
    /// The extracted title and body text (one paragraph per line).
    public static func extract(_ html: String) -> (title: String?, text: String) {
        let skip: Set<String> = ["script", "style", "nav", "header", "footer", "aside", "form", "noscript", "svg",
                                 "button", "iframe", "template", "select", "menu"]
        let block: Set<String> = ["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
                                  "section", "article", "ul", "ol", "table", "dd", "dt", "figcaption", "pre", "hr", "main"]
        var paragraphs: [String] = []
        var current = ""
        var title: String?
        var h1: String?
        var inTitle = false, inH1 = false
        var titleText = "", h1Text = ""
        var skipDepth: [String] = []
        let chars = Array(html.unicodeScalars)
        var i = 0
        func flush() {
            let t = collapse(current)
            if !t.isEmpty { paragraphs.append(t) }
            current = ""
        }
        while i < chars.count {
            let c = chars[i]
            if c == "<" {
                // comment
                if i + 3 < chars.count, chars[i + 1] == "!", chars[i + 2] == "-", chars[i + 3] == "-" {
                    var j = i + 4
                    while j + 2 < chars.count, !(chars[j] == "-" && chars[j + 1] == "-" && chars[j + 2] == ">") { j += 1 }
                    i = min(chars.count, j + 3)
                    continue
                }
                var j = i + 1
                while j < chars.count, chars[j] != ">" { j += 1 }
                let tag = String(String.UnicodeScalarView(chars[(i + 1)..<min(j, chars.count)]))
                i = min(chars.count, j + 1)
                let closing = tag.hasPrefix("/")
                let name = String(tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })).lowercased()
                if let top = skipDepth.last {
                    if closing && name == top { skipDepth.removeLast() } else if !closing && name == top && !tag.hasSuffix("/") { skipDepth.append(name) }
                    continue
                }
                if skip.contains(name) && !closing && !tag.hasSuffix("/") { skipDepth.append(name); continue }
                if name == "title" { inTitle = !closing; if closing { title = collapse(titleText) }; continue }
                if name == "h1" {
                    if !closing { inH1 = true; h1Text = "" } else { inH1 = false; if h1 == nil { h1 = collapse(h1Text) } }
                }
                if block.contains(name) { flush() }
                continue
            }
            if !skipDepth.isEmpty { i += 1; continue }
            var ch = String(c)
            if c == "&" {
                var j = i + 1
                while j < chars.count, j - i < 12, chars[j] != ";", chars[j] != "<", chars[j] != " " { j += 1 }
                if j < chars.count, chars[j] == ";" {
                    let ent = String(String.UnicodeScalarView(chars[(i + 1)..<j]))
                    if let d = entity(ent) { ch = d; i = j }
                }
            }
            if inTitle { titleText += ch } else {
                if inH1 { h1Text += ch }
                current += ch
            }
            i += 1
        }
        flush()
        let t = (title?.isEmpty == false ? title : nil) ?? (h1?.isEmpty == false ? h1 : nil)
        return (t, paragraphs.joined(separator: "\n"))
    }

    static func collapse(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" }).joined(separator: " ")
    }

    static func entity(_ e: String) -> String? {
        switch e {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        case "rsquo": return "\u{2019}"
        case "lsquo": return "\u{2018}"
        case "rdquo": return "\u{201D}"
        case "ldquo": return "\u{201C}"
        case "mdash": return "\u{2014}"
        case "ndash": return "\u{2013}"
        case "hellip": return "\u{2026}"
        case "pound": return "\u{A3}"
        case "euro": return "\u{20AC}"
        default:
            if e.hasPrefix("#x") || e.hasPrefix("#X"), let v = UInt32(e.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { return String(u) }
            if e.hasPrefix("#"), let v = UInt32(e.dropFirst()), let u = Unicode.Scalar(v) { return String(u) }
            return nil
        }
    }
}
