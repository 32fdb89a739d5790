/// The binary layout the compiled word lists are stored in (see `CompiledLists`): a header, then
/// arrays of fixed-width values, each as its count, its element width and its little-endian
/// bytes, padded to 8 bytes. Reading one parses and hashes nothing: an array is used where it
/// lies (`Reader.view`) or copied (`Reader.array`).
enum ListImage {
    /// The first 8 bytes of every image.
    static let magic: [UInt8] = Array("RDLISTS\u{0}".utf8)

    /// Raised when an image is truncated, of another format, or inconsistent.
    struct Malformed: Error {}

    /// Builds an image.
    struct Writer {
        private(set) var bytes: [UInt8] = ListImage.magic

        /// Appends an integer as 8 little-endian bytes.
        mutating func int(_ v: Int) {
            withUnsafeBytes(of: UInt64(bitPattern: Int64(v)).littleEndian) { bytes.append(contentsOf: $0) }
        }

        /// Appends an array: its count, its element width, its bytes, padding to 8 bytes.
        mutating func array<C: Collection>(_ a: C) where C.Element: ImageScalar {
            int(a.count)
            int(MemoryLayout<C.Element>.stride)
            for v in a { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
            while bytes.count % 8 != 0 { bytes.append(0) }
        }
    }

    /// Reads an image made by `Writer`, checking every count against what is left.
    struct Reader {
        /// The image's bytes, which `view` hands out pointers into.
        let owner: MappedBytes
        private let raw: UnsafeRawBufferPointer
        private var offset: Int

        /// A reader of `bytes`, past its magic; throws when the magic is not there.
        init(_ bytes: MappedBytes) throws {
            let raw = bytes.raw
            guard raw.count >= 8, raw.prefix(8).elementsEqual(ListImage.magic) else { throw Malformed() }
            owner = bytes
            self.raw = raw
            offset = 8
        }

        /// True when every byte has been read.
        var atEnd: Bool { offset == raw.count }

        /// Reads an integer written by `Writer.int`.
        mutating func int() throws -> Int {
            guard raw.count - offset >= 8 else { throw Malformed() }
            let v = Int64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int64.self))
            offset += 8
            return Int(v)
        }

        /// A copy of an array written by `Writer.array` (see `view`).
        mutating func array<T: ImageScalar>(of _: T.Type) throws -> [T] {
            Array(try view(of: T.self))
        }

        /// An array written by `Writer.array`, where it lies in the image (valid while `owner`
        /// lives): no copy. Throws when its width is not `T`'s, or when the host is big-endian
        /// (the image is little-endian; such hosts parse the text lists).
        mutating func view<T: ImageScalar>(of _: T.Type) throws -> UnsafeBufferPointer<T> {
            let n = try int(), width = try int()
            let size = MemoryLayout<T>.stride
            guard T.isLittleEndianNative, width == size, n >= 0, n <= (raw.count - offset) / size else { throw Malformed() }
            let start = raw.baseAddress! + offset
            guard Int(bitPattern: start) % MemoryLayout<T>.alignment == 0 else { throw Malformed() }
            offset += (n * size + 7) & ~7
            guard offset <= raw.count else { throw Malformed() }
            return UnsafeBufferPointer(start: start.bindMemory(to: T.self, capacity: n), count: n)
        }
    }
}

/// A fixed-width value with no padding, stored in an image as its little-endian bytes.
protocol ImageScalar: BitwiseCopyable {
    var littleEndian: Self { get }
    init(littleEndian: Self)
}

extension ImageScalar {
    static var isLittleEndianNative: Bool { 1.littleEndian == 1 }
}

extension UInt8: ImageScalar {}
extension UInt16: ImageScalar {}
extension UInt32: ImageScalar {}
extension Int32: ImageScalar {}
extension Int: ImageScalar {}
