package io.dealgraph.errors;

import java.io.IOException;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that closes its connection before its answer is written (a load tool ending
 * its run, a closed tab) is nobody's error: nothing is written and no internal error is
 * logged with an id. The benchmark's wrk runs logged one such "Internal error" each.
 */
class ClientGoneTests {

	@Test
	void aBrokenPipeWhileAnsweringIsNotAnInternalError() throws IOException {
		var request = new MockHttpServletRequest("POST", "/graphql");
		var response = new MockHttpServletResponse();
		HttpErrors.respond(new AsyncRequestNotUsableException("ServletOutputStream failed to write",
				new ClientAbortException(new IOException("Broken pipe"))), request, response);
		assertThat(response.getContentAsString()).isEmpty();
		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void anyOtherFailureStillAnswersWithAnErrorId() throws IOException {
		var request = new MockHttpServletRequest("POST", "/graphql");
		var response = new MockHttpServletResponse();
		HttpErrors.respond(new IllegalStateException("a bug"), request, response);
		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(response.getContentAsString()).contains("INTERNAL").contains("errorId");
	}

}
