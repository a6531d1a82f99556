import Foundation

/// An exclusive lock on a lock file (`flock`), held while one run replaces an output folder; the lock file
/// is removed on release, so that no file is left beside the folder.
///
/// Removing a lock file while others may wait on it is safe because a holder checks, once it holds the
/// lock, that the path still names the file it locked (same device and inode); if not (the previous holder
/// removed it), it opens the path again. The kernel releases the lock of a killed run.
struct OutputLock {
    private let descriptor: Int32
    private let path: String

    /// Takes the lock at `path`, waiting for another run that holds it (and calling `waiting` once).
    static func acquire(_ path: String, waiting: (String) -> Void) throws(OutputDirectory.WriteError) -> OutputLock {
        var told = false
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw OutputDirectory.WriteError(
                    description: "cannot create the lock file \(path) (\(String(cString: strerror(errno)))) — check that its folder is writable")
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                if !told {
                    waiting("another seatplan run is writing to the same output folder; waiting for it to finish (lock \(path))")
                    told = true
                }
                while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino {
                return OutputLock(descriptor: fd, path: path)
            }
            close(fd)
        }
    }

    /// Removes the lock file and releases the lock.
    func release() {
        unlink(path)
        close(descriptor)
    }
}
