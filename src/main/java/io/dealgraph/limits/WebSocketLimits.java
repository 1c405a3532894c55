package io.dealgraph.limits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import io.dealgraph.errors.ErrorCode;
import io.dealgraph.errors.ErrorResponses;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.server.HandshakeHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * The limits of GraphQL over WebSocket, where one HTTP upgrade carries any number of
 * requests. The upgrade passes the rate limit filter like any request; here the socket
 * remembers whose it is, so that {@link RequestObservation} admits and charges each of
 * its requests to that client. A client may hold at most
 * {@code dealgraph.limits.max-sockets-per-client} sockets at once, and a socket that does
 * not initialise within {@code spring.graphql.websocket.connection-init-timeout} is
 * closed by Spring GraphQL.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSocketLimits {

	@Bean
	GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler graphQlHandler, GraphQlProperties properties,
			GraphQlCorsProperties cors, JsonMapper json, LimitSettings settings) {
		return new LimitedGraphQlWebSocketHandler(graphQlHandler, new JacksonJsonHttpMessageConverter(json), properties,
				cors, settings.maxSocketsPerClient());
	}

	/** Spring GraphQL's handler, counting each client's sockets. */
	static final class LimitedGraphQlWebSocketHandler extends GraphQlWebSocketHandler {

		private final int maxSocketsPerClient;

		private final Map<String, AtomicInteger> sockets = new ConcurrentHashMap<>();

		LimitedGraphQlWebSocketHandler(WebGraphQlHandler graphQlHandler, JacksonJsonHttpMessageConverter json,
				GraphQlProperties properties, GraphQlCorsProperties cors, int maxSocketsPerClient) {
			super(graphQlHandler, json, properties.getWebsocket().getConnectionInitTimeout(),
					properties.getWebsocket().getKeepAlive(), cors.toCorsConfiguration());
			this.maxSocketsPerClient = maxSocketsPerClient;
		}

		@Override
		public WebSocketHttpRequestHandler initWebSocketHttpRequestHandler(HandshakeHandler handshakeHandler) {
			WebSocketHttpRequestHandler handler = super.initWebSocketHttpRequestHandler(handshakeHandler);
			List<HandshakeInterceptor> interceptors = new ArrayList<>(handler.getHandshakeInterceptors());
			interceptors.add(new ClientHandshake());
			handler.setHandshakeInterceptors(interceptors);
			return handler;
		}

		@Override
		public void afterConnectionEstablished(WebSocketSession session) {
			String client = client(session);
			// The handshake refused clients over the cap; two upgrades at the same moment
			// can still both pass it, and the later one is closed here.
			if (this.sockets.computeIfAbsent(client, (c) -> new AtomicInteger())
				.incrementAndGet() > this.maxSocketsPerClient) {
				close(session);
				return;
			}
			super.afterConnectionEstablished(session);
		}

		@Override
		public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
			String client = client(session);
			this.sockets.computeIfPresent(client, (c, count) -> (count.decrementAndGet() <= 0) ? null : count);
			super.afterConnectionClosed(session, status);
		}

		private static void close(WebSocketSession session) {
			try {
				session.close(CloseStatus.POLICY_VIOLATION.withReason("Too many sockets from this client"));
			}
			catch (IOException ex) {
				// Closed already.
			}
		}

		int openSockets(String client) {
			AtomicInteger count = this.sockets.get(client);
			return (count != null) ? count.get() : 0;
		}

		private static String client(WebSocketSession session) {
			return String.valueOf(session.getAttributes().get(RateLimitFilter.CLIENT));
		}

		/**
		 * Refuses an upgrade with 429 when its client holds its share of sockets, and
		 * hands the client to the socket. (A client over its rate limit was turned away
		 * by the rate limit filter already.)
		 */
		private final class ClientHandshake implements HandshakeInterceptor {

			@Override
			public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
					WebSocketHandler handler, Map<String, Object> attributes) throws IOException {
				if (!(request instanceof ServletServerHttpRequest servletRequest)
						|| !(response instanceof ServletServerHttpResponse servletResponse)) {
					return true;
				}
				HttpServletRequest http = servletRequest.getServletRequest();
				Object client = http.getAttribute(RateLimitFilter.CLIENT);
				if (client == null) {
					client = "ip:" + http.getRemoteAddr();
				}
				HttpServletResponse out = servletResponse.getServletResponse();
				if (openSockets(client.toString()) >= LimitedGraphQlWebSocketHandler.this.maxSocketsPerClient) {
					ErrorResponses.write(http, out, ErrorCode.RATE_LIMITED, "Too many open sockets: at most "
							+ LimitedGraphQlWebSocketHandler.this.maxSocketsPerClient + " per client.");
					return false;
				}
				attributes.put(RateLimitFilter.CLIENT, client);
				return true;
			}

			@Override
			public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
					Exception exception) {
			}

		}

	}

}
