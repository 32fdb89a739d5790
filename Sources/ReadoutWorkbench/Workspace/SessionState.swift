/// Where the session lives on disk and what the user was warned about.
public struct SessionState {
    /// The session file, once saved or opened.
    public var path: String?
    /// Folder for session names given without a folder (`set sessions=DIR`).
    public var directory: String = "Sessions"
    /// Content stamp (FNV-1a 64 of the bytes) of the file when opened or last saved; `save`
    /// refuses to overwrite the file when its stamp has changed since.
    public var diskStamp: String?
    /// The command the user was warned about (unsaved changes); repeating it goes ahead.
    public var pendingConfirmation: String?
    /// `set autosave=on`: save after every change once the session has a file.
    public var autosave = false

    public init() {}

    /// Called when the workspace changes: a warning given before the change no longer covers it.
    mutating func noteChange() { pendingConfirmation = nil }

    /// Saves after a change when autosave is on and the session has a file. A failed autosave
    /// (disk full, file changed on disk) is reported as an error and leaves the workspace unsaved.
    func autosaveIfNeeded(_ wb: Workbench) throws(ReadoutError) {
        guard autosave, path != nil, wb.workspace.dirty else { return }
        do {
            try SessionStore.save(wb, name: nil, force: false)
        } catch {
            var e = error
            e.message = "autosave failed: " + e.message
            throw e
        }
    }
}
