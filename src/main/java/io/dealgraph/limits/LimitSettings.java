package io.dealgraph.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The request limits that an operator may change ({@code dealgraph.limits.*}). Their
 * defaults and environment variables are in {@code application.yaml}, their one place.
 *
 * @param maxBodyBytes the largest request body, in bytes, before 413
 * ({@code DEALGRAPH_MAX_BODY_BYTES})
 * @param maxSocketsPerClient GraphQL over WebSocket: the sockets one client may hold at
 * once ({@code DEALGRAPH_MAX_SOCKETS_PER_CLIENT})
 */
@ConfigurationProperties("dealgraph.limits")
record LimitSettings(long maxBodyBytes, int maxSocketsPerClient) {
}
