package io.dealgraph.network;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.dealgraph.deal.DealType;
import io.dealgraph.system.ApiException;
import io.dealgraph.system.ErrorCode;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /export/network}: the same network as the GraphQL {@code network} query,
 * with the same caps, as a file to open in Gephi (GraphML), a spreadsheet (CSV) or code
 * (JSON).
 */
@RestController
class ExportController {

	/** The export formats. */
	enum Format {

		JSON, CSV, GRAPHML

	}

	private final NetworkQueries queries;

	ExportController(NetworkQueries queries) {
		this.queries = queries;
	}

	@GetMapping("/export/network")
	ResponseEntity<?> network(@RequestParam String around, @RequestParam(required = false) @Nullable Integer depth,
			@RequestParam(required = false) @Nullable List<DealType> dealTypes,
			@RequestParam(required = false) @Nullable String since,
			@RequestParam(required = false) @Nullable String until,
			@RequestParam(required = false) @Nullable Double minAmountUsd,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String asOf, @RequestParam(defaultValue = "json") String format) {
		Format chosen = format(format);
		var request = NetworkRequest.of(around, depth, dealTypes, since, until, minAmountUsd, limit, asOf);
		Network network = this.queries.network(request);
		if (network == null) {
			throw new ApiException(ErrorCode.NOT_FOUND, "No organization has the id '" + around + "'.");
		}
		String name = "network-" + around.replaceAll("[^a-z0-9-]", "") + "-depth" + request.depth();
		return switch (chosen) {
			case JSON -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(network);
			case CSV -> file(NetworkExport.csv(network), "text/csv", name + ".csv");
			case GRAPHML -> file(NetworkExport.graphml(network), "application/graphml+xml", name + ".graphml");
		};
	}

	private static Format format(String format) {
		try {
			return Format.valueOf(format.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.badRequest("'format' must be json, csv or graphml, not '" + format + "'.");
		}
	}

	private static ResponseEntity<byte[]> file(String body, String mediaType, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(mediaType + ";charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(body.getBytes(StandardCharsets.UTF_8));
	}

}
