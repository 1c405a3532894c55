import java.nio.file.Path;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A Neo4j server for the tests: the Neo4j release on this program's classpath, in its
 * own JVM, with Bolt on loopback and nothing else. Run with Java's source launcher
 * ({@code java -cp <neo4j classpath> Neo4jServer.java <home>}), so it compiles against
 * whichever release it runs. Prints {@code BOLT bolt://127.0.0.1:<port>} once ready and
 * stops when its standard input closes, so it never outlives the tests that started it.
 */
public class Neo4jServer {

	public static void main(String[] args) throws Exception {
		var service = new DatabaseManagementServiceBuilder(Path.of(args[0]))
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", 0))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			.setConfig(HttpConnector.enabled, false)
			.setConfig(GraphDatabaseSettings.auth_enabled, false)
			.build();
		Runtime.getRuntime().addShutdownHook(new Thread(service::shutdown));
		var system = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		int port = system.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT)
			.getPort();
		System.out.println("BOLT bolt://127.0.0.1:" + port);
		System.out.flush();
		while (System.in.read() != -1) {
			// Waits for the parent to go away.
		}
		System.exit(0);
	}

}
