package estuary.neo4j;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.database.DatabaseContext;
import org.neo4j.dbms.database.DatabaseContextProvider;
import org.neo4j.kernel.database.AbstractDatabase;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Stops and starts the default database ("neo4j") while the DBMS keeps running, on request of
 * a file in HOME/control.
 *
 * <p>Why: Community Edition refuses {@code STOP DATABASE} / {@code START DATABASE} (they are
 * Enterprise administration commands: "Unsupported administration command"), so the offline
 * importer ({@code neo4j-admin database import full}) could only run with the whole DBMS
 * stopped, and a restart costs a new JVM, the system database and Bolt (15-45 s on a shared
 * machine). The embedded DBMS can stop one database itself, as the Enterprise reconciler
 * does: {@code Database.stop()} checkpoints, closes the store and releases its lock;
 * {@code Database.start()} opens whatever store is on disk then.
 *
 * <p>Protocol (files, so nothing new listens on the network; whoever may write HOME may
 * already replace the store): the client writes {@code control/request} (by rename) with one
 * line {@code NONCE stop} or {@code NONCE start}; this thread (polling every 100 ms) removes it,
 * acts, and writes {@code control/reply} (by rename): {@code NONCE ok} or
 * {@code NONCE error MESSAGE}. {@code control/protocol} ({@code 1 PID}) says this launcher understands it.
 * A database left stopped (its client died) starts with the next {@code start} request or
 * the next start of the launcher.
 */
final class DatabaseControl implements Runnable {
    static final String PROTOCOL = "1";
    private static final long POLL_MILLIS = 100;

    private final DatabaseManagementService dbms;
    private final Path dir;

    private DatabaseControl(DatabaseManagementService dbms, Path dir) {
        this.dbms = dbms;
        this.dir = dir;
    }

    static void start(DatabaseManagementService dbms, Path home) {
        Path dir = home.resolve("control");
        try {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the home's own permissions apply
            }
            Files.deleteIfExists(dir.resolve("request"));
            Files.deleteIfExists(dir.resolve("reply"));
            write(dir, "protocol", PROTOCOL + " " + ProcessHandle.current().pid());
        } catch (IOException e) {
            System.err.println("estuary-neo4j: WARN: no database control (" + e + ")");
            return;
        }
        Thread thread = new Thread(new DatabaseControl(dbms, dir), "estuary-neo4j-control");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        Path request = dir.resolve("request");
        while (!Thread.currentThread().isInterrupted()) {
            try {
                if (Files.exists(request)) {
                    String line = Files.readString(request, StandardCharsets.UTF_8).trim();
                    Files.deleteIfExists(request);
                    String[] parts = line.split("\\s+", 2);
                    String nonce = parts[0];
                    String answer;
                    try {
                        act(parts.length > 1 ? parts[1] : "");
                        answer = nonce + " ok";
                    } catch (Throwable t) {
                        answer = nonce + " error " + String.valueOf(t).replace('\n', ' ');
                    }
                    write(dir, "reply", answer);
                }
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                System.err.println("estuary-neo4j: WARN: database control: " + e);
            }
        }
    }

    private void act(String action) {
        AbstractDatabase database = defaultDatabase();
        switch (action) {
            case "stop" -> {
                System.out.println("estuary-neo4j: stopping database '" + database.getNamedDatabaseId().name() + "'");
                database.stop();
                System.out.println("estuary-neo4j: database stopped");
            }
            case "start" -> {
                System.out.println("estuary-neo4j: starting database '" + database.getNamedDatabaseId().name() + "'");
                database.start();
                GraphDatabaseAPI facade = database.getDatabaseAPI();
                if (!facade.isAvailable(Duration.ofMinutes(5).toMillis())) {
                    throw new IllegalStateException("the database did not become available");
                }
                System.out.println("estuary-neo4j: database started");
            }
            default -> throw new IllegalArgumentException("unknown action '" + action + "' (stop or start)");
        }
        System.out.flush();
    }

    private AbstractDatabase defaultDatabase() {
        GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        DatabaseContextProvider<?> contexts = system.getDependencyResolver().resolveDependency(DatabaseContextProvider.class);
        DatabaseContext context = contexts.getDatabaseContext(GraphDatabaseSettings.DEFAULT_DATABASE_NAME)
                .orElseThrow(() -> new IllegalStateException("no database '" + GraphDatabaseSettings.DEFAULT_DATABASE_NAME + "'"));
        return context.database();
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Path tmp = dir.resolve("." + name + ".tmp");
        Files.writeString(tmp, text + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
