package io.dealgraph.graphql;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The documents that requests run ({@code dealgraph.documents.*}). Their defaults and
 * environment variables are in {@code application.yaml}, their one place.
 *
 * @param cacheSize the heap that parsed documents, and the texts registered through
 * Apollo's automatic persisted queries, may take ({@code DEALGRAPH_DOCUMENT_CACHE_SIZE})
 * @param allowList true: only registered documents run ({@code DEALGRAPH_ALLOW_LIST})
 * @param registered the documents registered at start, as Spring resource locations
 * (patterns allowed); blank entries are ignored ({@code DEALGRAPH_REGISTERED_DOCUMENTS}
 * adds one)
 */
@ConfigurationProperties("dealgraph.documents")
record DocumentSettings(DataSize cacheSize, boolean allowList, List<String> registered) {
}
