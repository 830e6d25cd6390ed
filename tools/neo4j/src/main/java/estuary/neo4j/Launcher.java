package estuary.neo4j;

import java.io.IOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;
import picocli.CommandLine;

/**
 * Runs Neo4j Community (embedded DBMS) with only a Bolt connector on 127.0.0.1.
 *
 * <pre>
 *   printf '%s' "$pw" | java -Xmx512m -jar estuary-neo4j.jar --password-file /dev/stdin [--home DIR] [--port N]
 * </pre>
 *
 * The password of user "neo4j" (>= 8 chars) is read from --password-file: a pipe, or a file that
 * only this user can read, which is deleted once read. It is never taken from the environment:
 * the server's environment is readable by anything running in its process (e.g. LOAD CSV of
 * /proc/self/environ on a server that allows file URLs), so the launcher refuses to start while
 * NEO4J_PASSWORD is set in its own environment.
 * Environment: ESTUARY_NEO4J_HOME / NEO4J_BOLT_PORT (defaults for --home / --port),
 * NEO4J_PAGECACHE (default 256m), NEO4J_TX_MEMORY (default 256m, all transactions together).
 *
 * Locked down: Bolt on 127.0.0.1 only; LOAD CSV cannot read files (file URLs off, and an empty
 * import directory of its own, HOME/import); no extension procedures are loaded or unrestricted
 * (estuary uses only built-in ones).
 *
 * The default database can be stopped and started again without stopping the DBMS (for
 * {@code estuary load --bulk}, which runs the offline importer on it): see {@link DatabaseControl}.
 *
 * Exit codes: 143 after SIGTERM (clean shutdown via the hook), 2 bad usage/settings, 10 Bolt port in use,
 * 11 store locked by another process, 1 any other start failure.
 */
public final class Launcher {
    static final String USER = "neo4j";
    static final int EXIT_USAGE = 2;
    static final int EXIT_PORT_IN_USE = 10;
    static final int EXIT_STORE_LOCKED = 11;

    private Launcher() {}

    public static void main(String[] args) {
        Path home = null;
        Integer port = null;
        Path passwordFile = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ((a.equals("--home") || a.equals("--port") || a.equals("--password-file")) && i + 1 < args.length) {
                String v = args[++i];
                if (a.equals("--home")) {
                    home = Path.of(v);
                } else if (a.equals("--password-file")) {
                    passwordFile = Path.of(v);
                } else {
                    port = parsePort(v, "--port");
                }
            } else {
                die(EXIT_USAGE, "usage: estuary-neo4j.jar --password-file FILE [--home DIR] [--port N]   (unknown/incomplete argument: " + a + ")");
            }
        }
        if (home == null) {
            String env = System.getenv("ESTUARY_NEO4J_HOME");
            if (env == null || env.isBlank()) {
                die(EXIT_USAGE, "no data directory: pass --home DIR or set ESTUARY_NEO4J_HOME");
            }
            home = Path.of(env);
        }
        if (port == null) {
            String env = System.getenv("NEO4J_BOLT_PORT");
            port = (env == null || env.isBlank()) ? 7687 : parsePort(env, "NEO4J_BOLT_PORT");
        }
        if (System.getenv("NEO4J_PASSWORD") != null) {
            die(EXIT_USAGE, "NEO4J_PASSWORD is set in the server's environment, where a query could read it: "
                    + "pass the password with --password-file (scripts/neo4j.sh does) and unset it");
        }
        if (passwordFile == null) {
            die(EXIT_USAGE, "no password: pass --password-file FILE (a pipe, or a file only you can read)");
        }
        String password = readPassword(passwordFile);
        if (password.length() < 8) {
            die(EXIT_USAGE, "the password must be at least 8 characters long (Neo4j 5 minimum)");
        }
        long pageCache = parseBytes(env("NEO4J_PAGECACHE", "256m"), "NEO4J_PAGECACHE");
        long txMemory = parseBytes(env("NEO4J_TX_MEMORY", "256m"), "NEO4J_TX_MEMORY");
        home = home.toAbsolutePath().normalize();

        Path importDir = home.resolve("import");
        try {
            Files.createDirectories(home);
            Files.createDirectories(importDir);
        } catch (IOException e) {
            die(EXIT_USAGE, "cannot create data directory " + home + ": " + e);
        }

        boolean firstStart = !Files.exists(home.resolve("data").resolve("databases").resolve("system"));
        if (firstStart) {
            seedInitialPassword(home, password);
        }

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(home)
                    .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                    // network: Bolt only, loopback only, plain text (local dev server)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    // security
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    // LOAD CSV reads no files (not /etc/shadow, not /proc/self/environ), and its
                    // import directory is an empty one of its own
                    .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                    .setConfig(GraphDatabaseSettings.load_csv_file_url_root, importDir)
                    // estuary calls only built-in procedures: load no extensions, unrestrict none
                    .setConfig(GraphDatabaseSettings.procedure_allowlist, List.of())
                    .setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of())
                    // no phoning home
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // memory: page cache off-heap; transaction state on heap and capped
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                    .setConfig(GraphDatabaseSettings.tx_state_memory_allocation,
                            GraphDatabaseSettings.TransactionStateMemoryAllocation.ON_HEAP)
                    .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, txMemory)
                    .setConfig(GraphDatabaseSettings.memory_transaction_max_size, txMemory / 2)
                    // small transaction logs for a dev store
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "keep_none")
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(16))
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.check_point_interval_time, Duration.ofMinutes(5))
                    // Netty's default quiet period (5 s, waited twice) made every stop take ~12 s
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .build();
        } catch (Throwable t) {
            exitForStartFailure(t, home, port);
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("estuary-neo4j: shutting down");
            try {
                dbms.shutdown();
            } finally {
                System.out.println("estuary-neo4j: stopped");
                System.out.flush();
                stopped.countDown();
            }
        }, "estuary-neo4j-shutdown"));

        try {
            GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            system.isAvailable(Duration.ofMinutes(5).toMillis());
            syncPassword(system, password);
            // auth.ini is only read when the system database is created; don't leave a password hash lying around
            Files.deleteIfExists(home.resolve("data").resolve("dbms").resolve("auth.ini"));
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(Duration.ofMinutes(5).toMillis())) {
                throw new IllegalStateException("database '" + db.databaseName() + "' did not become available");
            }
        } catch (Throwable t) {
            System.err.println("estuary-neo4j: ERROR: start-up failed: " + t);
            t.printStackTrace();
            System.exit(1); // the shutdown hook stops the DBMS
        }

        DatabaseControl.start(dbms, home);
        System.out.println("Neo4j ready on bolt://127.0.0.1:" + port);
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * First start only: write data/dbms/auth.ini exactly like
     * {@code neo4j-admin dbms set-initial-password} does. The system database consumes it when it is
     * created, so Bolt never serves the default neo4j/neo4j "change required" account.
     * Failure here is not fatal: {@link #syncPassword} sets the password afterwards anyway.
     */
    private static void seedInitialPassword(Path home, String password) {
        try {
            Path conf = home.resolve("conf");
            Files.createDirectories(conf);
            ExecutionContext ctx = new ExecutionContext(home, conf);
            int rc = new CommandLine(new SetInitialPasswordCommand(ctx)).execute(password);
            if (rc != 0) {
                System.err.println("estuary-neo4j: WARN: set-initial-password exited " + rc + "; will set the password after start");
            }
        } catch (Throwable t) {
            System.err.println("estuary-neo4j: WARN: could not seed the initial password (" + t + "); will set it after start");
        }
    }

    /**
     * Every start: make NEO4J_PASSWORD the password of user neo4j, with no forced change, via Cypher on
     * the system database (embedded transactions run with full privileges). Neo4j refuses to "change"
     * a password to the same value; that case is fine.
     */
    private static void syncPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD $pw CHANGE NOT REQUIRED",
                    Map.of("pw", password));
            System.out.println("estuary-neo4j: password of user '" + USER + "' set from the password file");
        } catch (RuntimeException e) {
            if (!String.valueOf(rootMessage(e)).contains("Old password and new password cannot be the same")) {
                throw e;
            }
            system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD CHANGE NOT REQUIRED");
        }
    }

    /** The first line of FILE; a regular file is deleted once read, so the password does not stay on disk. */
    private static String readPassword(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (Files.isRegularFile(file)) {
                Files.deleteIfExists(file);
            }
            int nl = text.indexOf('\n');
            return nl >= 0 ? text.substring(0, nl) : text;
        } catch (IOException e) {
            die(EXIT_USAGE, "cannot read the password file " + file + ": " + e);
            return "";
        }
    }

    private static void exitForStartFailure(Throwable t, Path home, int port) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String name = c.getClass().getName();
            String msg = String.valueOf(c.getMessage());
            if (c instanceof BindException || name.endsWith("PortBindException") || msg.contains("already in use")) {
                die(EXIT_PORT_IN_USE, "Bolt port 127.0.0.1:" + port + " is already in use");
            }
            if (name.endsWith("FileLockException") || msg.contains("locked by another process")) {
                die(EXIT_STORE_LOCKED, "store " + home + " is locked by another Neo4j process (" + msg + ")");
            }
        }
        System.err.println("estuary-neo4j: ERROR: Neo4j failed to start: " + t);
        t.printStackTrace();
        System.exit(1);
    }

    private static String rootMessage(Throwable t) {
        StringBuilder sb = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            sb.append(c.getMessage()).append(" | ");
        }
        return sb.toString();
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return (v == null || v.isBlank()) ? dflt : v.trim();
    }

    private static int parsePort(String v, String what) {
        try {
            int p = Integer.parseInt(v.trim());
            if (p > 0 && p < 65536) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        die(EXIT_USAGE, what + " is not a valid port: " + v);
        return -1;
    }

    private static long parseBytes(String v, String what) {
        try {
            return ByteUnit.parse(v);
        } catch (RuntimeException e) {
            die(EXIT_USAGE, what + " is not a size like 256m: " + v);
            return -1;
        }
    }

    private static void die(int code, String message) {
        System.err.println("estuary-neo4j: ERROR: " + message);
        System.exit(code);
    }
}
