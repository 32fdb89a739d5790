/// Where the session lives on disk and what the user was warned about.
public struct SessionState {
    /// The session file, once saved or opened.
    public var path: String?
    /// Folder for session names given without a folder.
    public var directory: String = "Sessions"
    /// Modification stamp of the file when opened or last saved.
    public var diskStamp: String?
    /// The command the user was warned about (unsaved changes); repeating it goes ahead.
    public var pendingConfirmation: String?
    /// `set autosave=on`.
    public var autosave = false

    public init() {}

    /// Called when the workspace first becomes dirty.
    mutating func noteChange() { pendingConfirmation = nil }

    /// Saves after a change when autosave is on and the session has a file.
    func autosaveIfNeeded(_ wb: Workbench) throws(ReadoutError) {}
}
