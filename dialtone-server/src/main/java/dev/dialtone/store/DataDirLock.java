package dev.dialtone.store;

import dev.dialtone.config.ConfigException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The exclusive hold one server keeps on its data dir while it runs ({@code dialtone.lock}, holding
 * its pid): one SQLite writer and one set of rate-limit counts per data dir. The operating system
 * releases it when the process ends, however it ends.
 */
public final class DataDirLock implements AutoCloseable {
  static final String FILE = "dialtone.lock";

  /**
   * The data dirs this process holds. Checked before the file is touched: closing any descriptor of
   * a locked file drops the process's lock on it (POSIX), so a second attempt from this same
   * process must not open it.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(Path key, FileChannel channel, FileLock lock) {
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock, or fails with one line naming the process that holds it. */
  public static DataDirLock acquire(Path dataDir) {
    PrivateFiles.createDirectory(dataDir);
    Path file = dataDir.resolve(FILE);
    Path key;
    try {
      key = dataDir.toRealPath();
    } catch (IOException e) {
      throw PrivateFiles.unwritable(dataDir, e);
    }
    if (!HELD.add(key)) {
      throw heldBy(Long.toString(ProcessHandle.current().pid()), dataDir);
    }
    FileChannel channel = null;
    try {
      PrivateFiles.createFile(file);
      channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        String holder = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip();
        channel.close();
        HELD.remove(key);
        throw heldBy(holder, dataDir);
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
      channel.force(true);
      return new DataDirLock(key, channel, lock);
    } catch (IOException | RuntimeException e) {
      closeQuietly(channel);
      HELD.remove(key);
      if (e instanceof IOException io) {
        throw PrivateFiles.unwritable(dataDir, io);
      }
      throw (RuntimeException) e;
    }
  }

  private static ConfigException heldBy(String holder, Path dataDir) {
    return new ConfigException(
        "another Dialtone"
            + (holder.matches("\\d+") ? " (pid " + holder + ")" : "")
            + " is running on the data dir "
            + dataDir.toAbsolutePath().normalize()
            + ": stop it, or set DIALTONE_DATA_DIR or --data-dir to another directory");
  }

  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Already failing: the first error is the one to report.
      }
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // The process is stopping; the operating system drops the lock with it.
    } finally {
      HELD.remove(key);
    }
  }
}
