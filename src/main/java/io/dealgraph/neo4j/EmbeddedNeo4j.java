package io.dealgraph.neo4j;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j Community running inside this JVM, reachable only over Bolt on loopback. The
 * application talks to it through the Java driver exactly as it would to a server, so
 * there is one code path for both modes; people can point cypher-shell or Neo4j Desktop
 * at the logged address.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

	private static final String LOOPBACK = "127.0.0.1";

	private final Path home;

	private final int requestedPort;

	private final Duration transactionTimeout;

	private volatile DatabaseManagementService service;

	private volatile URI boltUri;

	public EmbeddedNeo4j(Path home, int boltPort, Duration transactionTimeout) {
		this.home = home.toAbsolutePath().normalize();
		this.requestedPort = boltPort;
		this.transactionTimeout = transactionTimeout;
	}

	/**
	 * Starts the database, reusing the Bolt port of an earlier start so a connected
	 * driver finds it again.
	 */
	public synchronized void start() {
		if (this.service != null) {
			return;
		}
		int port = (this.boltUri != null) ? this.boltUri.getPort() : this.requestedPort;
		this.service = new DatabaseManagementServiceBuilder(this.home).setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress(LOOPBACK, port))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			.setConfig(HttpConnector.enabled, false)
			// Loopback only and single-user: the process owner is the only one who can
			// reach it.
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			// Every transaction of the app names its own timeout, which Neo4j enforces on
			// the server; this default covers those that name none (cypher-shell), and
			// never cuts one of ours short.
			.setConfig(GraphDatabaseSettings.transaction_timeout, this.transactionTimeout)
			.build();
		var system = (GraphDatabaseAPI) this.service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		var bound = system.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT);
		this.boltUri = URI.create("bolt://" + LOOPBACK + ":" + bound.getPort());
		log.info("Neo4j mode: embedded (in-process Neo4j Community), store {}, Bolt listening on {}", this.home,
				this.boltUri);
	}

	public URI boltUri() {
		return this.boltUri;
	}

	/**
	 * The default database through the embedded API, for tools that need more than Bolt
	 * gives: the benchmark forces a checkpoint to measure the store on disk.
	 */
	public GraphDatabaseService database() {
		return this.service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
	}

	/**
	 * Shuts down cleanly: the store is left consistent and needs no recovery at the next
	 * start.
	 */
	@Override
	public synchronized void close() {
		if (this.service != null) {
			this.service.shutdown();
			this.service = null;
			log.info("Embedded Neo4j stopped");
		}
	}

}
