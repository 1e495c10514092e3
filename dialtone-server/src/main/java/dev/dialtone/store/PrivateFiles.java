package dev.dialtone.store;

import dev.dialtone.config.ConfigException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Set;

/**
 * Files only the server's own user may read: the data dir 0700, what is in it 0600, whatever the
 * umask. The database holds transcripts, password hashes and token digests.
 */
public final class PrivateFiles {
  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private PrivateFiles() {}

  /** Creates {@code dir} (and its parents) if needed and makes it 0700. */
  public static void createDirectory(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
      }
      restrict(dir, DIRECTORY);
      if (!Files.isWritable(dir)) {
        throw new IOException("not writable");
      }
    } catch (IOException e) {
      throw unwritable(dir, e);
    }
  }

  /** Creates {@code file} empty and 0600 if it is missing; makes an existing one 0600. */
  public static void createFile(Path file) throws IOException {
    try {
      // A bare file name has no parent: its directory is the working one.
      if (isPosix(Objects.requireNonNull(file.toAbsolutePath().getParent()))) {
        FileAttribute<?> mode = PosixFilePermissions.asFileAttribute(FILE);
        Files.createFile(file, mode);
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException exists) {
      // Kept from an earlier start, perhaps made before files were private.
    }
    restrict(file, FILE);
  }

  /** Makes {@code file} 0600 if it exists. */
  public static void restrictFile(Path file) throws IOException {
    if (Files.exists(file)) {
      restrict(file, FILE);
    }
  }

  static ConfigException unwritable(Path dir, IOException e) {
    return new ConfigException(
        "cannot write the data dir "
            + dir.toAbsolutePath().normalize()
            + " ("
            + e.getClass().getSimpleName().replace("Exception", "")
            + (e.getMessage() == null ? "" : ": " + e.getMessage())
            + "): make it writable, or set DIALTONE_DATA_DIR or --data-dir");
  }

  private static void restrict(Path path, Set<PosixFilePermission> mode) throws IOException {
    if (isPosix(path)) {
      Files.setPosixFilePermissions(path, mode);
    }
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
